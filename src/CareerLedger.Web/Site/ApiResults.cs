using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerLedger.Web.Site;

/// <summary>
/// The pages call the API's own endpoint functions (one copy of every read) and take the value out of their typed result.
/// </summary>
public static class ApiResults
{
    /// <summary>
    /// The value of a typed 200/201 result (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>, or one of them inside <c>Results&lt;…&gt;</c>),
    /// or null when the result is anything else (a 404, a problem).
    /// </summary>
    public static T? Value<T>(IResult result) where T : class => Unwrap(result) is IValueHttpResult<T> { Value: var value } ? value : null;

    /// <summary>The result itself, or the one inside <c>Results&lt;…&gt;</c>.</summary>
    public static IResult Unwrap(IResult result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;

    /// <summary>The problem of a problem result, or null.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails? Problem(IResult result) => Unwrap(result) is ProblemHttpResult p ? p.ProblemDetails : null;
}
