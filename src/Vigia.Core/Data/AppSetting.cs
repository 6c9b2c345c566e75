namespace Vigia.Core.Data;

/// <summary>An installation setting (reporting deadline, compliance bands, upload limits…), stored as text.</summary>
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
