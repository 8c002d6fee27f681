namespace CareerLedger.Domain.Tests.Support;

/// <summary>
/// Given(events) When(command) Then(events | exception): folds the given events with the aggregate's Evolve
/// (one minute apart, starting at <see cref="Make.T0"/>), runs the command on the state and checks what it decided.
/// </summary>
internal sealed class DeciderSpec<TState, TEvent>(Func<TState?, TEvent, DateTimeOffset, TState> evolve)
    where TState : class
{
    private TEvent[] _given = [];
    private Func<TState?, IReadOnlyList<TEvent>>? _when;

    public DeciderSpec<TState, TEvent> Given(params TEvent[] events)
    {
        _given = events;
        return this;
    }

    public DeciderSpec<TState, TEvent> When(Func<TState?, IReadOnlyList<TEvent>> command)
    {
        _when = command;
        return this;
    }

    /// <summary>The state after the given events (null for an empty stream).</summary>
    public TState? State
    {
        get
        {
            TState? state = null;
            for (var i = 0; i < _given.Length; i++)
            {
                state = evolve(state, _given[i], Make.T0.AddMinutes(i));
            }

            return state;
        }
    }

    public void Then(params TEvent[] expected)
    {
        var decided = Decide();
        decided.ShouldBe(expected);
    }

    public TException ThenThrows<TException>() where TException : Exception => Should.Throw<TException>(() => Decide());

    private IReadOnlyList<TEvent> Decide()
    {
        _when.ShouldNotBeNull("call When(...) before Then(...)");
        return _when(State);
    }
}
