using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Vigia.Web.Startup;

/// <summary>The messages ASP.NET Core writes by itself (model binding, data annotations without a message of their
/// own, the client-validation attributes rendered into inputs) in Spanish: without this a form that receives "abc"
/// for a number answers "The value 'abc' is not valid for …".</summary>
public static class SpanishValidationMessages
{
    /// <summary>Call after <c>AddRazorPages</c>, so the data-annotation provider that creates the attributes
    /// (including the implicit [Required] of non-nullable properties) has run before ours.</summary>
    public static IMvcBuilder AddSpanishValidationMessages(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        return mvc.AddMvcOptions(o =>
        {
            Configure(o.ModelBindingMessageProvider);
            o.ModelMetadataDetailsProviders.Add(new SpanishDataAnnotationDefaults());
        });
    }

    internal static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(field => Named(field, f => $"Falta el valor de «{f}».", "Falta un valor obligatorio."));
        messages.SetMissingKeyOrValueAccessor(() => "Falta un valor.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "El formulario llegó vacío.");
        messages.SetValueMustNotBeNullAccessor(_ => "Este campo es obligatorio.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) =>
            Named(field, f => $"«{value}» no es un valor válido para «{f}».", $"«{value}» no es un valor válido."));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» no es un valor válido.");
        messages.SetUnknownValueIsInvalidAccessor(field => Named(field, f => $"El valor de «{f}» no es válido.", "El valor no es válido."));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "El valor no es válido.");
        messages.SetValueIsInvalidAccessor(value => $"«{value}» no es un valor válido.");
        messages.SetValueMustBeANumberAccessor(field =>
            Named(field, f => $"«{f}»: escriba un número, por ejemplo 75 o 12,5.", "Escriba un número, por ejemplo 75 o 12,5."));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Escriba un número, por ejemplo 75 o 12,5.");
    }

    /// <summary>A field without a [Display] name reaches the message as its C# name ("VerifiedQuantity"): English on
    /// screen, so such a name is left out and the message stands next to its field on its own. The typed value is
    /// never used as a format string: "{x}" typed into a number field must not break the page.</summary>
    private static string Named(string field, Func<string, string> withName, string withoutName) =>
        IsIdentifier(field) ? withoutName : withName(field);

    internal static bool IsIdentifier(string field) =>
        field.Length > 0 && char.IsAsciiLetter(field[0]) && field.All(char.IsAsciiLetterOrDigit);

    /// <summary>Gives every data annotation of the framework that has no message of its own a Spanish one.</summary>
    private sealed class SpanishDataAnnotationDefaults : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var named = context.Attributes.OfType<DisplayAttribute>().Any(d => d.GetName() is not null);
            // A non-nullable value type (a bool check box, an int select) is required by nature, and the client
            // validators then add a [Required] of their own, with the English default: give it ours first.
            if (context.Key.MetadataKind is ModelMetadataKind.Property or ModelMetadataKind.Parameter
                && context.Key.ModelType.IsValueType && Nullable.GetUnderlyingType(context.Key.ModelType) is null
                && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
            {
                context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute());
            }
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                // Only the framework's own attributes: one of ours carries its Spanish default in its constructor.
                if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null
                    || attribute.GetType().Assembly != typeof(ValidationAttribute).Assembly)
                {
                    continue;
                }
                attribute.ErrorMessage = named ? WithName(attribute) : WithoutName(attribute);
            }
        }

        private static string WithName(ValidationAttribute attribute) => attribute switch
        {
            RequiredAttribute => "Complete «{0}»: es obligatorio.",
            StringLengthAttribute { MinimumLength: > 0 } => "«{0}» debe tener entre {2} y {1} caracteres.",
            StringLengthAttribute or MaxLengthAttribute => "«{0}» admite como máximo {1} caracteres.",
            MinLengthAttribute => "«{0}» debe tener al menos {1} caracteres.",
            RangeAttribute => "«{0}» debe estar entre {1} y {2}.",
            EmailAddressAttribute => "«{0}» no es un correo electrónico válido.",
            CompareAttribute => "«{0}» y «{1}» no coinciden.",
            UrlAttribute => "«{0}» no es una dirección web válida (http o https).",
            PhoneAttribute => "«{0}» no es un número de teléfono válido.",
            _ => "«{0}» no tiene un valor válido.",
        };

        private static string WithoutName(ValidationAttribute attribute) => attribute switch
        {
            RequiredAttribute => "Este campo es obligatorio.",
            StringLengthAttribute { MinimumLength: > 0 } => "Debe tener entre {2} y {1} caracteres.",
            StringLengthAttribute or MaxLengthAttribute => "Admite como máximo {1} caracteres.",
            MinLengthAttribute => "Debe tener al menos {1} caracteres.",
            RangeAttribute => "Debe estar entre {1} y {2}.",
            EmailAddressAttribute => "No es un correo electrónico válido.",
            CompareAttribute => "Los dos valores no coinciden.",
            UrlAttribute => "No es una dirección web válida (http o https).",
            PhoneAttribute => "No es un número de teléfono válido.",
            _ => "El valor no es válido.",
        };
    }
}
