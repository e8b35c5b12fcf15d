using InternalStore.Application.Common;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>SQLite: one write transaction of this process at a time, in arrival order.</summary>
internal sealed class SqliteWriteGate : IWriteGate, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                turn.Release();
        }
    }
}

/// <summary>PostgreSQL locks rows, not the database: writers go straight in.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    public ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);
}
