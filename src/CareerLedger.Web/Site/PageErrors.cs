using CareerLedger.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareerLedger.Web.Site;

/// <summary>
/// Field errors on the site's forms come from the same validation as the API: a handler or a draft's <c>Validate</c> throws
/// <see cref="DomainValidationException"/> keyed by the JSON path of the field (<c>title</c>, <c>impact[0].after</c>), the
/// page copies them into its model state under the same keys, and the form's inputs carry those keys as their names, so
/// <see cref="FieldErrorTagHelper"/> shows each message next to its input and every typed value is posted back unchanged.
/// </summary>
public static class PageErrors
{
    /// <summary>The model-state key of errors that belong to no single field (shown above the form).</summary>
    public const string FormKey = "";

    /// <summary>Adds every field error of <paramref name="error"/> to <paramref name="state"/>, under <paramref name="key"/>'s form key of each field (default: the same).</summary>
    public static void Add(this ModelStateDictionary state, DomainValidationException error, Func<string, string>? key = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var (field, messages) in error.Errors)
        {
            foreach (var message in messages)
            {
                state.AddModelError(key is null ? field : key(field), message);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>; a <see cref="DomainValidationException"/> becomes field errors, a
    /// <see cref="DomainRuleException"/> or a version conflict a form-level error. Answers whether it succeeded.
    /// </summary>
    /// <param name="state">The page's model state.</param>
    /// <param name="action">The validation and the handler call.</param>
    /// <param name="key">Maps an API field key to the form's key (default: the same).</param>
    public static async Task<bool> TryAsync(this ModelStateDictionary state, Func<Task> action, Func<string, string>? key = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
        catch (DomainValidationException e)
        {
            state.Add(e, key);
        }
        catch (DomainRuleException e)
        {
            state.AddModelError(FormKey, e.Message);
        }
        catch (Infrastructure.VersionConflictException e)
        {
            state.AddModelError(FormKey, $"It was changed (perhaps in another tab) after you opened this page: you edited version {e.Expected}, it is now at version {e.Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "a newer one"}. Your text is still below; reload the page in another tab to see the latest, then save again.");
        }
        catch (JasperFx.ConcurrencyException)
        {
            state.AddModelError(FormKey, "It changed while you were saving; reload to see the latest and apply your change again.");
        }

        return false;
    }

    /// <summary>
    /// Runs the API's validation (<paramref name="validate"/>) of a form whose own reading of the typed text found
    /// <paramref name="own"/> errors (figures or dates that are not numbers or dates): the form's errors replace the API's for the
    /// same field, and all of them are thrown together, so every problem is shown at once.
    /// </summary>
    /// <exception cref="DomainValidationException">When either found an error.</exception>
    public static T ValidateWith<T>(ValidationErrors own, Func<T> validate)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            var result = validate();
            own.ThrowIfAny();
            return result;
        }
        catch (DomainValidationException api) when (own.Any)
        {
            var merged = new ValidationErrors();
            var ownKeys = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                own.ThrowIfAny();
            }
            catch (DomainValidationException mine)
            {
                foreach (var (key, messages) in mine.Errors)
                {
                    ownKeys.Add(key);
                    foreach (var m in messages)
                    {
                        merged.Add(key, m);
                    }
                }
            }

            foreach (var (key, messages) in api.Errors.Where(e => !ownKeys.Contains(e.Key)))
            {
                foreach (var m in messages)
                {
                    merged.Add(key, m);
                }
            }

            merged.ThrowIfAny();
            throw;
        }
    }
}
