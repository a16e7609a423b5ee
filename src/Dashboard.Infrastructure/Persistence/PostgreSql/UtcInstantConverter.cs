using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Hands Npgsql every <see cref="DateTimeOffset"/> in UTC: <c>timestamptz</c> stores an instant, and Npgsql refuses to
/// write one with a non-zero offset. The instant is unchanged; values read back come in UTC, as on SQLite.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
