namespace Dashboard.Web.Shared.Charts;

/// <summary>The box of a chart's drawing (in its viewBox units) that the lines are drawn in, inside the axes' labels.</summary>
public readonly record struct PlotArea(double Left, double Right, double Top, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
