using Microsoft.AspNetCore.Razor.TagHelpers;

namespace InternalStore.Api.Console;

/// <summary>
/// The framework's validation summary, when there are no errors, writes <c>&lt;li style="display:none"&gt;</c>;
/// the pages' content security policy (<c>style-src 'self'</c>) refuses that inline style and Chromium logs a
/// violation on every form page (seen in the browser tests). The same empty item with the <c>hidden</c>
/// attribute needs no style.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class CspValidationSummaryTagHelper : TagHelper
{
    private const string StyledItem = "<li style=\"display:none\"></li>";

    // After the framework's ValidationSummaryTagHelper (order -1000), which writes the list into PostContent.
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = output.PostContent.GetContent();
        if (html.Contains(StyledItem, StringComparison.Ordinal))
            output.PostContent.SetHtmlContent(html.Replace(StyledItem, "<li hidden></li>", StringComparison.Ordinal));
    }
}
