using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigia.Core.Files;

/// <summary>Registers the guarded upload path: <see cref="UploadOptions"/> from <c>Uploads</c> and <see cref="IFileStore"/>.</summary>
public static class UploadSetup
{
    /// <param name="baseDirectory">Folder against which a relative <c>Uploads:Root</c> is resolved (the app's content
    /// root), so files land in the same place whatever the current directory.</param>
    public static IServiceCollection AddVigiaUploads(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection(UploadOptions.SectionName))
            .PostConfigure(o => o.Root = Path.GetFullPath(Path.Combine(baseDirectory, o.Root)))
            .Validate(o => o.MaxBytes > 0, "Uploads:MaxBytes must be greater than zero.")
            .Validate(o => o.MaxUncompressedBytes > 0, "Uploads:MaxUncompressedBytes must be greater than zero.")
            .Validate(o => o.MaxCompressionRatio > 0, "Uploads:MaxCompressionRatio must be greater than zero.")
            .Validate(o => !UploadOptions.IsInsideWebRoot(o.Root),
                "Uploads:Root must lie outside wwwroot, where the static-file middleware would serve uploads to anyone.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFileStore, LocalFileStore>();
        return services;
    }
}
