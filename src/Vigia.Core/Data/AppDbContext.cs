using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Reminders;
using Vigia.Core.RiskMap;
using Vigia.Core.RiskMap.Tracking;
using Vigia.Core.Schedule;

namespace Vigia.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies, antiforgery tokens and signed form values, shared by every instance on the
    /// database so that a cookie one instance issued opens the others (docs/security.md).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Entity> Entities => Set<Entity>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Process> Processes => Set<Process>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<ImportNoteRecord> ImportNotes => Set<ImportNoteRecord>();
    public DbSet<Component> Components => Set<Component>();
    public DbSet<Subcomponent> Subcomponents => Set<Subcomponent>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<ActionUnit> ActionUnits => Set<ActionUnit>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<UnitGroupSpelling> UnitGroupSpellings => Set<UnitGroupSpelling>();
    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();
    public DbSet<ActionUnitGroup> ActionUnitGroups => Set<ActionUnitGroup>();
    public DbSet<ActionPartTarget> ActionPartTargets => Set<ActionPartTarget>();
    public DbSet<ScheduleEntry> ScheduleEntries => Set<ScheduleEntry>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<UserComponent> UserComponents => Set<UserComponent>();
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PublishedCheckpoint> PublishedCheckpoints => Set<PublishedCheckpoint>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<MonitoringRecord> MonitoringRecords => Set<MonitoringRecord>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<ProcessLeader> ProcessLeaders => Set<ProcessLeader>();
    public DbSet<RiskMethod> RiskMethods => Set<RiskMethod>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<RiskControl> RiskControls => Set<RiskControl>();
    public DbSet<RiskTreatmentAction> RiskTreatmentActions => Set<RiskTreatmentAction>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskMapVersion> RiskMapVersions => Set<RiskMapVersion>();
    public DbSet<ControlMonitoring> ControlMonitorings => Set<ControlMonitoring>();
    public DbSet<RiskEvidence> RiskEvidence => Set<RiskEvidence>();
    public DbSet<RiskMaterialization> RiskMaterializations => Set<RiskMaterialization>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
    public DbSet<Vigia.Core.FollowUps.FollowUpRiskAssessment> FollowUpRiskAssessments => Set<Vigia.Core.FollowUps.FollowUpRiskAssessment>();
    public DbSet<Vigia.Core.Caching.PublicDataVersion> PublicDataVersions => Set<Vigia.Core.Caching.PublicDataVersion>();
    public DbSet<Vigia.Core.Consultation.PlanConsultation> PlanConsultations => Set<Vigia.Core.Consultation.PlanConsultation>();
    public DbSet<Vigia.Core.Consultation.ConsultationSubscriber> ConsultationSubscribers => Set<Vigia.Core.Consultation.ConsultationSubscriber>();
    public DbSet<Vigia.Core.Consultation.ConsultationComment> ConsultationComments => Set<Vigia.Core.Consultation.ConsultationComment>();
    public DbSet<Vigia.Core.Compliance.Stored.ActionComplianceState> ActionComplianceStates => Set<Vigia.Core.Compliance.Stored.ActionComplianceState>();
    public DbSet<Vigia.Core.Compliance.Stored.PlanComplianceState> PlanComplianceStates => Set<Vigia.Core.Compliance.Stored.PlanComplianceState>();
    public DbSet<Vigia.Core.Compliance.Stored.PlanProgressState> PlanProgressStates => Set<Vigia.Core.Compliance.Stored.PlanProgressState>();
    public DbSet<Vigia.Core.Compliance.Stored.PlanOfficialState> PlanOfficialStates => Set<Vigia.Core.Compliance.Stored.PlanOfficialState>();

    /// <summary>Every context, however it was made (web host, command line, tests), marks the plans whose compliance a
    /// save changes as stale in that same save (<see cref="Vigia.Core.Compliance.Stored.ComplianceStateInterceptor"/>),
    /// so no write path can forget it.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Vigia.Core.Compliance.Stored.ComplianceStateInterceptor.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // The trail is filtered by date; see UtcTextConverter.
            builder.Entity<AuditEntry>().Property(e => e.OccurredAt).HasConversion<UtcTextConverter>();
            // Every request compares a session's expiry with now.
            builder.Entity<UserSession>().Property(e => e.ExpiresAt).HasConversion<UtcTextConverter>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Quantities and percentages: enough digits for 5.000 people and 99,5 % alike, the same on both providers.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
