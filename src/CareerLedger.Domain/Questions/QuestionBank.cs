using System.Text;
using CareerLedger.Domain.Competencies;

namespace CareerLedger.Domain.Questions;

/// <summary>
/// The behavioural question bank: immutable, validated as a whole when built. The shipped bank is the embedded resource
/// <c>Questions/questions.json</c> (<see cref="Load"/>); hosts call <see cref="Load"/> at start-up so bad data fails fast.
/// Query results keep the file's order.
/// </summary>
public sealed class QuestionBank
{
    /// <summary>Manifest name of the embedded data file.</summary>
    public const string ResourceName = "CareerLedger.Domain.Questions.questions.json";

    private static readonly Lazy<QuestionBank> Shipped = new(ReadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Question> _byId;

    private QuestionBank(IReadOnlyList<Question> questions)
    {
        All = questions.ToArray().AsReadOnly();
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>Every question, in file order.</summary>
    public IReadOnlyList<Question> All { get; }

    /// <summary>The shipped bank, parsed and validated once per process.</summary>
    /// <exception cref="QuestionBankException">When the shipped data is invalid (a build defect: the tests guard against it).</exception>
    public static QuestionBank Load() => Shipped.Value;

    /// <summary>Parses and validates question bank JSON: <c>{ "version": 1, "questions": [ … ] }</c>.</summary>
    /// <exception cref="QuestionBankException">Listing every problem found, each with the question id and field.</exception>
    public static QuestionBank Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new QuestionBank(QuestionBankReader.Read(json));
    }

    /// <summary>Parses and validates question bank JSON read (as UTF-8) from <paramref name="json"/>; the stream is left open.</summary>
    /// <exception cref="QuestionBankException">Listing every problem found, each with the question id and field.</exception>
    public static QuestionBank Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The question with this id, or null.</summary>
    public Question? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Questions probing <paramref name="competency"/>.</summary>
    public IReadOnlyList<Question> ForCompetency(Competency competency) => Where(q => q.Competencies.Contains(competency));

    /// <summary>Questions mapped to <paramref name="lens"/>.</summary>
    public IReadOnlyList<Question> ForLens(CompanyLens lens) => Where(q => q.Lenses.Contains(lens));

    /// <summary>Questions mapped to the Amazon Leadership Principle <paramref name="principle"/>.</summary>
    public IReadOnlyList<Question> ForPrinciple(AmazonPrinciple principle) => Where(q => q.AmazonPrinciples.Contains(principle));

    /// <summary>Questions probing exactly <paramref name="level"/> (a staff loop usually mixes in senior questions too: use a <see cref="QuestionFilter"/>).</summary>
    public IReadOnlyList<Question> ForLevel(ProbedLevel level) => Where(q => q.Level == level);

    /// <summary>Questions matching <paramref name="filter"/>.</summary>
    public IReadOnlyList<Question> Where(QuestionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Where(filter.Matches);
    }

    /// <summary>
    /// Draws up to <paramref name="count"/> distinct questions from those matching <paramref name="filter"/>, without replacement,
    /// each pick made with probability proportional to <paramref name="weight"/> among the questions not yet drawn. Questions
    /// weighted 0 come only after every positively weighted one is drawn (then uniformly), so asking for more than are available
    /// returns all of them. The same bank, seed, weights and filter always give the same questions in the same order.
    /// </summary>
    /// <param name="count">How many to draw (0 or more).</param>
    /// <param name="seed">Seed of the draw.</param>
    /// <param name="weight">Relative weight of each question (finite, 0 or more); null weighs all equally.</param>
    /// <param name="filter">Which questions may be drawn; null allows all.</param>
    /// <returns>The drawn questions in draw order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is negative or a weight is negative, NaN or infinite.</exception>
    public IReadOnlyList<Question> Draw(int count, int seed, Func<Question, double>? weight = null, QuestionFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pool = filter is null ? All.ToList() : All.Where(filter.Matches).ToList();
        var weights = pool.Select(q => CheckWeight(q, weight?.Invoke(q) ?? 1d)).ToList();
        var random = new Random(seed);
        var drawn = new List<Question>(Math.Min(count, pool.Count));
        while (drawn.Count < count && pool.Count > 0)
        {
            var pick = Pick(weights, random);
            drawn.Add(pool[pick]);
            pool.RemoveAt(pick);
            weights.RemoveAt(pick);
        }

        return drawn.AsReadOnly();
    }

    private static int Pick(List<double> weights, Random random)
    {
        var total = weights.Sum();
        if (!(total > 0))
        {
            return random.Next(weights.Count);
        }

        var target = random.NextDouble() * total;
        var last = -1;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            last = i;
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return last; // rounding left a sliver of the total: the last positively weighted question takes it
    }

    private static double CheckWeight(Question question, double weight) =>
        double.IsFinite(weight) && weight >= 0
            ? weight
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, $"The weight of '{question.Id}' must be a finite number, 0 or more.");

    private IReadOnlyList<Question> Where(Func<Question, bool> predicate) => All.Where(predicate).ToArray().AsReadOnly();

    private static QuestionBank ReadShipped()
    {
        using var stream = typeof(QuestionBank).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded question bank '{ResourceName}' is missing from {typeof(QuestionBank).Assembly.GetName().Name}.");
        return Parse(stream);
    }
}
