using System.Globalization;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.InputLimits;

/// <summary>
/// Answers a list endpoint one page at a time. The body stays the JSON array it always was (a caller who passes
/// nothing gets the first <see cref="PageRequest.DefaultLimit"/> items); when more follow, <c>X-Next-Cursor</c>
/// holds the cursor of the next page and <c>Link</c> its address (<c>rel="next"</c>).
/// </summary>
public static class Paging
{
    public const string NextCursorHeader = "X-Next-Cursor";

    /// <summary>The page of <paramref name="items"/> the query asks for, or a 400 listing what is wrong with <c>limit</c> and <c>cursor</c>.</summary>
    public static Task<IResult> PageAsync<T>(HttpContext context, IReadOnlyList<T> items, string? limit, string? cursor) =>
        PageAsync(context, items, limit, cursor, page => Task.FromResult<IReadOnlyList<T>>([.. page]));

    /// <summary>
    /// As <see cref="PageAsync{T}"/>, turning only the page's items into what the answer shows (<paramref name="project"/>),
    /// so a costly view is built for one page, not the whole list.
    /// </summary>
    public static async Task<IResult> PageAsync<TSource, T>(
        HttpContext context, IReadOnlyList<TSource> items, string? limit, string? cursor, Func<IEnumerable<TSource>, Task<IReadOnlyList<T>>> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(project);
        var parsed = PageRequest.Parse(limit, cursor);
        if (parsed.Value is not { } page)
        {
            return parsed.ToHttpResult(_ => string.Empty);
        }

        var next = page.Offset + page.Limit;
        if (next < items.Count)
        {
            AnnounceNext(context, page.Limit, next.ToString(CultureInfo.InvariantCulture));
        }

        return TypedResults.Ok(await project(items.Skip(page.Offset).Take(page.Limit)));
    }

    /// <summary>
    /// Says that another page follows: <c>X-Next-Cursor</c> and a <c>Link</c> to it that keeps the request's other
    /// query parameters (its filters). For lists that read their pages from the store by their own cursor.
    /// </summary>
    public static void AnnounceNext(HttpContext context, int limit, string nextCursor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(nextCursor);
        var query = context.Request.Query
            .Where(parameter => parameter.Key is not ("limit" or "cursor"))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)))
            .Append(KeyValuePair.Create("limit", (string?)limit.ToString(CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("cursor", (string?)nextCursor));
        context.Response.Headers[NextCursorHeader] = nextCursor;
        context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{QueryString.Create(query)}>; rel=\"next\"";
    }
}
