using Vigia.Core.Mail;

namespace Vigia.Core.Consultation;

/// <summary>The e-mails to consultation subscribers, in Spanish, plain text. Every one ends with the link that cancels
/// the subscription without signing in.</summary>
public static class ConsultationMessages
{
    public static EmailMessage Confirmation(string to, string entityName, string confirmLink, string unsubscribeLink, DateTimeOffset expiresAt) =>
        new(to, "", $"Confirme su suscripción a las consultas ciudadanas de {entityName}",
            $"""
            Hola:

            Alguien (esperamos que usted) pidió recibir en este correo los avisos de las consultas ciudadanas del plan anticorrupción de {entityName}: cuándo se abre una consulta y cuándo se publica su informe.

            Para confirmar, abra este enlace y pulse «Confirmar mi suscripción»:
            {confirmLink}

            El enlace sirve una sola vez y vence el {SpanishFormat.LongDate(ColombianTime.DateOf(expiresAt))}. Si usted no lo pidió, no haga nada: sin confirmar no le escribiremos.
            {Footer(unsubscribeLink)}
            """);

    public static EmailMessage AlreadySubscribed(string to, string entityName, string unsubscribeLink) =>
        new(to, "", $"Ya está suscrito a las consultas ciudadanas de {entityName}",
            $"""
            Hola:

            Se pidió de nuevo suscribir este correo a los avisos de las consultas ciudadanas de {entityName}. Su suscripción ya estaba confirmada: seguirá recibiendo los avisos.
            {Footer(unsubscribeLink)}
            """);

    public static EmailMessage Opened(string to, string entityName, string planTitle, int year, DateOnly opensOn, DateOnly closesOn,
        string page, string unsubscribeLink) =>
        new(to, "", $"Consulta ciudadana abierta: {planTitle} {year.ToString(CultureInfo.InvariantCulture)} de {entityName}",
            $"""
            Hola:

            {entityName} abrió la consulta ciudadana del borrador de su {planTitle} {year.ToString(CultureInfo.InvariantCulture)}. Recibe comentarios sobre el plan, sus componentes y sus acciones del {SpanishFormat.LongDate(opensOn)} al {SpanishFormat.LongDate(closesOn)}, sin necesidad de cuenta.

            Lea el borrador y comente aquí:
            {page}
            {Footer(unsubscribeLink)}
            """);

    public static EmailMessage ReportPublished(string to, string entityName, string planTitle, int year, int comments, string page,
        string unsubscribeLink) =>
        new(to, "", $"Informe de la consulta ciudadana publicado: {planTitle} {year.ToString(CultureInfo.InvariantCulture)} de {entityName}",
            $"""
            Hola:

            {entityName} cerró la consulta ciudadana del borrador de su {planTitle} {year.ToString(CultureInfo.InvariantCulture)} y publicó su informe: {Comments(comments)}, cada uno con su respuesta y si modificó el plan.

            Lea el informe (y descárguelo en PDF, XLSX, CSV o JSON):
            {page}
            {Footer(unsubscribeLink)}
            """);

    private static string Comments(int count) => count switch
    {
        0 => "no recibió comentarios",
        1 => "recibió 1 comentario",
        _ => $"recibió {count.ToString(CultureInfo.InvariantCulture)} comentarios",
    };

    private static string Footer(string unsubscribeLink) =>
        $"""

        --
        Vigía. Este correo no se publica ni se comparte; solo se usa para estos avisos.
        Para no recibir más avisos, abra este enlace (no necesita cuenta):
        {unsubscribeLink}
        """;
}
