using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareerLedger.Cli.Infrastructure;

/// <summary>
/// Renders a Markdown document (the brag document, the offer comparison, the negotiation plan) for reading in a terminal:
/// headings emphasised (underlined with <c>=</c> and <c>-</c> at levels 1 and 2), bullet and numbered lists indented two
/// spaces per level, pipe tables aligned in columns (right-aligned where the table says so), emphasis and code shown as plain
/// text, links as "text (url)", and no Markdown escape backslashes (<c>-\&gt;</c> prints as <c>-&gt;</c>). With
/// <c>ansi</c>, headings and strong text are bold and emphasis italic (ANSI SGR codes); without it the output is plain text.
/// Markdown is parsed by Markdig (CommonMark with pipe tables). docs/cli.md, "Documents in the terminal".
/// </summary>
internal static class TerminalMarkdown
{
    private const string Bold = "\u001b[1m";
    private const string NoBold = "\u001b[22m";
    private const string Italic = "\u001b[3m";
    private const string NoItalic = "\u001b[23m";
    private const string Underline = "\u001b[4m";
    private const string NoUnderline = "\u001b[24m";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static readonly string[] Bullets = ["•", "◦", "▪"];

    /// <summary>The document as terminal text, each line ending in <c>\n</c>, with one blank line between blocks.</summary>
    /// <param name="markdown">CommonMark with pipe tables.</param>
    /// <param name="ansi">Whether to style with ANSI codes (stdout is a terminal and NO_COLOR is unset).</param>
    public static string Render(string markdown, bool ansi)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var lines = new List<string>();
        Blocks(document, lines, "", ansi);
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    private static void Blocks(ContainerBlock container, List<string> lines, string indent, bool ansi)
    {
        foreach (var block in container)
        {
            Block(block, lines, indent, ansi);
        }
    }

    private static void Block(Block block, List<string> lines, string indent, bool ansi)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = Inlines(heading.Inline, ansi: false);
                lines.Add(indent + (ansi ? Bold + (heading.Level == 1 ? Underline : "") + title + (heading.Level == 1 ? NoUnderline : "") + NoBold : title));
                if (heading.Level <= 2)
                {
                    lines.Add(indent + new string(heading.Level == 1 ? '=' : '-', Width(title)));
                }

                lines.Add("");
                break;
            case ParagraphBlock paragraph:
                lines.AddRange(Inlines(paragraph.Inline, ansi).Split('\n').Select(l => indent + l));
                lines.Add("");
                break;
            case ListBlock list:
                List(list, lines, indent, ansi, 0);
                lines.Add("");
                break;
            case Table table:
                TableRows(table, lines, indent, ansi);
                lines.Add("");
                break;
            case QuoteBlock quote:
                var quoted = new List<string>();
                Blocks(quote, quoted, "", ansi);
                TrimBlank(quoted);
                lines.AddRange(quoted.Select(l => indent + "│ " + l));
                lines.Add("");
                break;
            case ThematicBreakBlock:
                lines.Add(indent + new string('─', 40));
                lines.Add("");
                break;
            case CodeBlock code: // fenced or indented: the text as is, indented
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    lines.Add(indent + "    " + line.Slice.ToString());
                }

                lines.Add("");
                break;
            case HtmlBlock html:
                lines.AddRange(html.Lines.Lines.Take(html.Lines.Count).Select(l => indent + l.Slice.ToString()));
                lines.Add("");
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case ContainerBlock other:
                Blocks(other, lines, indent, ansi);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                lines.Add(indent + Inlines(leaf.Inline, ansi));
                lines.Add("");
                break;
        }
    }

    // Each item: its marker, then its blocks indented under the marker; nested lists one level deeper; no blank lines inside.
    private static void List(ListBlock list, List<string> lines, string indent, bool ansi, int depth)
    {
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? number++.ToString(CultureInfo.InvariantCulture) + "." : Bullets[Math.Min(depth, Bullets.Length - 1)];
            var inner = new List<string>();
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    TrimBlank(inner);
                    List(nested, inner, "", ansi, depth + 1);
                }
                else
                {
                    Block(child, inner, "", ansi);
                    TrimBlank(inner);
                }
            }

            var pad = new string(' ', marker.Length + 1);
            for (var i = 0; i < inner.Count; i++)
            {
                lines.Add(indent + (i == 0 ? marker + " " : pad) + inner[i]);
            }

            if (inner.Count == 0)
            {
                lines.Add(indent + marker);
            }
        }
    }

    // Columns as wide as their widest cell, two spaces apart; a rule of "─" under the header row.
    private static void TableRows(Table table, List<string> lines, string indent, bool ansi)
    {
        var rows = table.OfType<TableRow>().Select(r => (r.IsHeader, Cells: r.OfType<TableCell>().Select(c => Cell(c, ansi)).ToList())).ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Cells.Count ? Width(r.Cells[i].Plain) : 0)).ToList();
        var right = Enumerable.Range(0, columns)
            .Select(i => i < table.ColumnDefinitions.Count && table.ColumnDefinitions[i].Alignment == TableColumnAlign.Right).ToList();
        foreach (var (isHeader, cells) in rows)
        {
            var sb = new StringBuilder(indent);
            for (var i = 0; i < columns; i++)
            {
                var (plain, styled) = i < cells.Count ? cells[i] : ("", "");
                var gap = new string(' ', widths[i] - Width(plain));
                var shown = isHeader && ansi ? Bold + styled + NoBold : styled;
                sb.Append(right[i] ? gap + shown : shown + gap);
                if (i < columns - 1)
                {
                    sb.Append("  ");
                }
            }

            lines.Add(sb.ToString());
            if (isHeader)
            {
                lines.Add(indent + string.Join("  ", widths.Select(w => new string('─', w))));
            }
        }
    }

    private static (string Plain, string Styled) Cell(TableCell cell, bool ansi)
    {
        var plain = new List<string>();
        var styled = new List<string>();
        foreach (var block in cell.OfType<LeafBlock>().Where(b => b.Inline is not null))
        {
            plain.Add(Inlines(block.Inline, false).Replace('\n', ' '));
            styled.Add(Inlines(block.Inline, ansi).Replace('\n', ' '));
        }

        return (string.Join(" ", plain), string.Join(" ", styled));
    }

    private static string Inlines(ContainerInline? container, bool ansi)
    {
        var sb = new StringBuilder();
        if (container is not null)
        {
            Inline(container, sb, ansi);
        }

        return sb.ToString();
    }

    private static void Inline(Inline inline, StringBuilder sb, bool ansi)
    {
        switch (inline)
        {
            case LiteralInline literal: // escapes are already resolved: "-\>" arrives as "->"
                sb.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case LineBreakInline lineBreak:
                sb.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                sb.Append(html.Tag);
                break;
            case AutolinkInline autolink:
                sb.Append(autolink.Url);
                break;
            case EmphasisInline emphasis:
                var strong = emphasis.DelimiterCount >= 2;
                if (ansi)
                {
                    sb.Append(strong ? Bold : Italic);
                }

                Children(emphasis, sb, ansi);
                if (ansi)
                {
                    sb.Append(strong ? NoBold : NoItalic);
                }

                break;
            case LinkInline link:
                var text = new StringBuilder();
                Children(link, text, ansi);
                var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
                var plain = new StringBuilder();
                Children(link, plain, false);
                var plainText = plain.ToString();
                sb.Append(text);
                if (url.Length > 0 && plainText != url)
                {
                    sb.Append(text.Length == 0 ? url : $" ({url})");
                }

                break;
            case ContainerInline other:
                Children(other, sb, ansi);
                break;
        }
    }

    private static void Children(ContainerInline container, StringBuilder sb, bool ansi)
    {
        foreach (var child in container)
        {
            Inline(child, sb, ansi);
        }
    }

    private static void TrimBlank(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    // Columns a text takes: one per text element (a letter with its combining marks counts once).
    private static int Width(string text) => new StringInfo(text).LengthInTextElements;
}
