using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Vigia.Testing;

/// <summary>Every test process runs in the invariant culture, whatever the machine's LANG says, so a result never
/// depends on where the suite runs. Invariant, not es-CO, on purpose: it is what the suite has always run under
/// on a C.UTF-8 machine, and it keeps the product honest — Spanish formatting has to come from the request culture
/// the web host sets (es-CO) or from an explicit culture in the code, never from the machine.</summary>
/// <remarks>The time zone is deliberately not pinned: the clocks in the tests are fake and the product works in
/// Colombian time explicitly, which scripts/test.sh proves by running the suite with TZ=Asia/Tokyo.</remarks>
internal static class TestCulture
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "A test assembly is an application's entry point in all but name; this must run before any test.")]
    internal static void Pin()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
