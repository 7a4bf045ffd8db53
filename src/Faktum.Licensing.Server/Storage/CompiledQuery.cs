using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Faktum.Licensing.Server.Storage;

/// <summary>
/// A compiled EF Core query kept once per context type. A compiled query binds to the model it first runs against, and
/// every provider's <see cref="LicensingDbContext"/> has a model of its own (one process may hold both, as the tests do).
/// </summary>
/// <typeparam name="TQuery">The delegate <see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/> returns.</typeparam>
/// <param name="compile">Compiles the query; called at most once per context type.</param>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, Lazy<TQuery>> _byContextType = new();

    /// <summary>Gets the query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(LicensingDbContext db) =>
        _byContextType.GetOrAdd(db.GetType(), static (_, compile) => new Lazy<TQuery>(compile), compile).Value;
}
