using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerLedger.Web.Site;

/// <summary>
/// <c>&lt;field-error key="title" /&gt;</c>: the model-state errors of one field key (see <see cref="PageErrors"/>) as
/// <c>&lt;p class="field-error" id="{key}-error" role="alert"&gt;</c>, or nothing. Give the field's input
/// <c>aria-describedby="{key}-error"</c> and <c>aria-invalid</c> through <see cref="FieldErrorTagHelper.Invalid"/>.
/// </summary>
[HtmlTargetElement("field-error", Attributes = "key", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>The field's key (the API's JSON path, e.g. <c>impact[0].after</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>The view context (set by Razor).</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The id of the error element of <paramref name="key"/>: the key with every character other than letters and digits as '-', then "-error".</summary>
    public static string ErrorId(string key) => new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + "-error";

    /// <summary>"true" when <paramref name="key"/> has errors in <paramref name="view"/>'s model state, else null (so the attribute is left out).</summary>
    public static string? Invalid(ViewContext view, string key) =>
        view?.ViewData.ModelState.TryGetValue(key, out var entry) == true && entry.Errors.Count > 0 ? "true" : null;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!ViewContext.ViewData.ModelState.TryGetValue(Key, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", ErrorId(Key));
        output.Attributes.SetAttribute("role", "alert");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}
