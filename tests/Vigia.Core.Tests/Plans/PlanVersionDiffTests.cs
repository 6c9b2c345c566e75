using Vigia.Core.Plans;

namespace Vigia.Core.Tests.Plans;

/// <summary>The difference between two versions, on snapshots built here: actions are matched by id, so a moved or
/// reworded action is one change; what exists on one side only is an addition or a removal.</summary>
public class PlanVersionDiffTests
{
    private static ActionSnapshot Action(int id, int order, string goal, decimal? target = 1, params (int Month, decimal Quantity)[] months) =>
        new(id, order, "Descripción " + id, goal, "Informe", "Informes publicados", target, TargetUnit.Count, "Oficina de Comunicaciones",
            months.ToDictionary(m => m.Month, m => m.Quantity));

    private static PlanSnapshot Plan(params ActivitySnapshot[] activities) =>
        new("Plan Anticorrupción y de Atención al Ciudadano", [new ComponentSnapshot(3, "Rendición de cuentas", activities)]);

    [Fact]
    public void Compare_SamePlan_HasNoChanges()
    {
        var plan = Plan(new ActivitySnapshot("3.1.1", "Publicar informes", "3.1", "Información", [Action(7, 1, "Un informe")]));

        Assert.Empty(PlanVersionDiff.Compare(plan, plan));
    }

    [Fact]
    public void Compare_ReportsAddedRemovedAndChangedFieldByField()
    {
        var before = Plan(new ActivitySnapshot("3.1.1", "Publicar informes", "3.1", "Información",
            [Action(7, 1, "Un informe", 1, (6, 1)), Action(8, 2, "Dos boletines", 2)]));
        var after = Plan(new ActivitySnapshot("3.1.1", "Publicar informes de gestión", "3.1", "Información",
            [Action(7, 1, "Un informe", 1, (6, 1), (12, 1)), Action(9, 2, "Una audiencia", 1)]));

        var changes = PlanVersionDiff.Compare(before, after);

        Assert.Equal(
            [(ChangeKind.Changed, "Actividad", "3.1.1"), (ChangeKind.Changed, "Acción", "3.1.1-1"), (ChangeKind.Added, "Acción", "3.1.1-2"), (ChangeKind.Removed, "Acción", "3.1.1-2")],
            changes.Select(c => (c.Kind, c.Item, c.Label)));
        Assert.Equal(new FieldChange("Actividad", "Publicar informes", "Publicar informes de gestión"), changes[0].Fields.Single());
        Assert.Equal(new FieldChange("Programación", "junio: 1", "junio: 1; diciembre: 1"), changes[1].Fields.Single());
        Assert.Contains(new FieldChange("Meta o producto", null, "Una audiencia"), changes[2].Fields);
        Assert.Contains(new FieldChange("Meta o producto", "Dos boletines", null), changes[3].Fields);
        Assert.Equal(["Agregada", "Eliminada"], changes.Skip(2).Select(c => c.KindName));
    }

    [Fact]
    public void Compare_ARenumberedActionIsOneChangeOfItsNumber()
    {
        var before = Plan(new ActivitySnapshot("3.1.1", "Publicar", null, null, [Action(7, 1, "A"), Action(8, 2, "B")]));
        var after = Plan(new ActivitySnapshot("3.1.1", "Publicar", null, null, [Action(8, 1, "B"), Action(7, 2, "A")]));

        var changes = PlanVersionDiff.Compare(before, after);

        Assert.Equal([new FieldChange("Número", "3.1.1-1", "3.1.1-2")], changes.Single(c => c.Label == "3.1.1-2").Fields);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Snapshot_RoundTripsThroughJson()
    {
        var plan = Plan(new ActivitySnapshot("3.1.1", "Publicar", "3.1", "Información", [Action(7, 1, "Un informe", 2.5m, (3, 1.5m))]));

        var back = PlanSnapshot.FromJson(plan.ToJson());

        Assert.Empty(PlanVersionDiff.Compare(plan, back));
        Assert.Equal(1.5m, back.Actions.Single().Schedule[3]);
    }
}
