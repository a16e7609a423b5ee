namespace Dashboard.Core.Plans;

/// <summary>The leads who sign off GO/NO-GO at a gate (DESIGN §4).</summary>
public enum SignOffRole
{
    EngineeringLead,
    OperationsLead,
    ProductLead,
    FinanceLead,
}
