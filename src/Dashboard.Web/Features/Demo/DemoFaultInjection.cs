namespace Dashboard.Web.Features.Demo;

/// <summary>The outcome of <see cref="DemoFaultService.Inject"/>: the injected fault, or every problem of the request by field.</summary>
public sealed record DemoFaultInjection(DemoFault? Fault, IReadOnlyDictionary<string, string[]> Problems)
{
    public bool Succeeded => Fault is not null;
}
