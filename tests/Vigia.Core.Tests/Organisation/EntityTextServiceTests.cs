using Vigia.Core.Accounts;
using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Organisation;

/// <summary>Who may change an entity's privacy policy and terms of use, and what an empty text means.</summary>
public abstract class EntityTextServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Administrator = new("admin", "Ana Administradora", new HashSet<string> { Roles.Administrator });
    private static readonly Actor Planner = new("planner", "Pablo Planeación", new HashSet<string> { Roles.Planning });

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateFromTemplateAsync(provider, DatabaseTemplate.Migrated);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<int> EntityIdAsync()
    {
        await using var db = database.CreateContext();
        var entity = new Entity { Name = "Gobernación de Ejemplo", Slug = "gobernacion-de-ejemplo", TermsOfUse = "Términos propios." };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }

    private async Task<Entity> EntityAsync(int id)
    {
        await using var db = database.CreateContext();
        return await db.Entities.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static async Task<Result<Entity>> SaveAsync(AppDbContext db, Actor actor, int id, string? privacy, string? terms) =>
        await new EntityTextService(db).SaveAsync(actor, id, privacy, terms);

    [Fact]
    public async Task Save_ByAnotherRole_IsForbiddenAndChangesNothing()
    {
        var id = await EntityIdAsync();
        await using var db = database.CreateContext();

        var result = await SaveAsync(db, Planner, id, "Otra política.", "");

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        var entity = await EntityAsync(id);
        Assert.Null(entity.PrivacyPolicy);
        Assert.Equal("Términos propios.", entity.TermsOfUse);
    }

    [Fact]
    public async Task Save_ByTheAdministrator_KeepsTheTextTrimmed_AndAnEmptyOneGoesBackToTheReference()
    {
        var id = await EntityIdAsync();
        await using var db = database.CreateContext();

        var result = await SaveAsync(db, Administrator, id, "  Política propia de la Gobernación.  ", "   ");

        Assert.True(result.Succeeded);
        var entity = await EntityAsync(id);
        Assert.Equal(new EntityText("Gobernación de Ejemplo", "Política propia de la Gobernación.", IsReference: false), EntityTexts.Privacy(entity));
        var terms = EntityTexts.Terms(entity);
        Assert.True(terms.IsReference);
        Assert.Contains("Falta completar por la entidad", terms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TooLong_IsInvalidByFieldAndChangesNothing()
    {
        var id = await EntityIdAsync();
        await using var db = database.CreateContext();

        var result = await SaveAsync(db, Administrator, id, new string('x', EntityTexts.MaxLength + 1), "Nuevos términos.");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([EntityTextFields.PrivacyPolicy], result.Errors.Keys);
        Assert.Equal("Términos propios.", (await EntityAsync(id)).TermsOfUse);
    }

    [Fact]
    public void ReferencePrivacyPolicy_NamesTheLawAndTheEntity_AndSaysItIsTheEntitysToComplete()
    {
        var text = EntityTexts.DefaultPrivacyPolicy("Concejo de Ejemplo");

        Assert.StartsWith("Concejo de Ejemplo es responsable del tratamiento", text, StringComparison.Ordinal);
        Assert.Contains("Ley Estatutaria 1581 de 2012", text, StringComparison.Ordinal);
        Assert.Contains("Falta completar por la entidad", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteEntityTextServiceTests() : EntityTextServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresEntityTextServiceTests() : EntityTextServiceTests(DatabaseProvider.Postgres);
