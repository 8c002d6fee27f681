using CareerLedger.Domain.Coaching;
namespace CareerLedger.Domain.Tests.Coaching;
public sealed class ScratchDump
{
    [Fact]
    public void dump()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var s in CalibrationStories.All)
        {
            var cells = new List<string> { s.Name };
            foreach (var d in new AnswerCoachCalibrationTests.Defect?[] { null, AnswerCoachCalibrationTests.Defect.WeNotI, AnswerCoachCalibrationTests.Defect.NumbersRemoved, AnswerCoachCalibrationTests.Defect.ContextBloated, AnswerCoachCalibrationTests.Defect.LearningRemoved, AnswerCoachCalibrationTests.Defect.Hypothetical })
            {
                var r = AnswerCoach.Score(AnswerCoachCalibrationTests.Text(s.Name, d));
                cells.Add(d is null ? $"{r.Overall} ({r.Length.Words} w)" : r.Overall.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }
        File.WriteAllText("/tmp/scratch/table.txt", sb.ToString());
        File.WriteAllText("/tmp/scratch/strong.txt", CoachReportText.Render(AnswerCoach.Score(AnswerCoachCalibrationTests.Text("performance", null)), true));
        File.WriteAllText("/tmp/scratch/weakvar.txt", CoachReportText.Render(AnswerCoach.Score(AnswerCoachCalibrationTests.Text("performance", AnswerCoachCalibrationTests.Defect.WeNotI)), true));
        File.WriteAllText("/tmp/scratch/weakvar2.txt", CoachReportText.Render(AnswerCoach.Score(AnswerCoachCalibrationTests.Text("reliability incident", AnswerCoachCalibrationTests.Defect.ContextBloated)), true));
    }
}
