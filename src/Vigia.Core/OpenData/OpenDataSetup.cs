using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.OpenData;

/// <summary>The licence every dataset is published under: Creative Commons BY-SA 4.0 unless the installation
/// configures another (<c>OpenData:Licence:Name</c>, <c>OpenData:Licence:Url</c>).</summary>
public sealed class OpenDataOptions
{
    public const string DefaultLicenceName = "Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)";
    public const string DefaultLicenceUrl = "https://creativecommons.org/licenses/by-sa/4.0/";

    public string LicenceName { get; set; } = DefaultLicenceName;
    public string LicenceUrl { get; set; } = DefaultLicenceUrl;
}

public static class OpenDataSetup
{
    public static IServiceCollection AddVigiaOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenDataOptions>().Configure(o =>
        {
            // An empty value in the configuration keeps the default rather than publishing without a licence.
            if (configuration["OpenData:Licence:Name"] is { Length: > 0 } name)
            {
                o.LicenceName = name;
            }
            if (configuration["OpenData:Licence:Url"] is { Length: > 0 } url)
            {
                o.LicenceUrl = url;
            }
        });
        services.AddScoped<OpenDataCatalog>();
        return services;
    }
}
