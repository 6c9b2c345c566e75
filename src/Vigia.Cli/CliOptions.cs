namespace Vigia.Cli;

/// <summary>"--name value" options (repeatable), bare "--flag" switches and positional arguments.</summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliOptions Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (flags.Contains(arg))
            {
                options.switches.Add(arg);
            }
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"Falta el valor de {arg}.");
                }
                if (!options.values.TryGetValue(arg, out var list))
                {
                    options.values[arg] = list = [];
                }
                list.Add(args[++i]);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Opción desconocida: '{arg}'.");
            }
            else
            {
                options.Positional.Add(arg);
            }
        }
        return options;
    }

    public string? Value(string name) => values.TryGetValue(name, out var list)
        ? list.Count == 1 ? list[0] : throw new UsageException($"{name} se indicó más de una vez.")
        : null;

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public bool Has(string flag) => switches.Contains(flag);
}
