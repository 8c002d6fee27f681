using CareerLedger.Domain.Common;

namespace CareerLedger.Domain.Tests.Common;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void nothing_is_thrown_when_no_error_was_added()
    {
        var errors = new ValidationErrors();

        errors.Any.ShouldBeFalse();
        Should.NotThrow(errors.ThrowIfAny);
    }

    [Fact]
    public void messages_for_the_same_field_are_kept_together_in_order()
    {
        var errors = new ValidationErrors();
        errors.Add("title", "first");
        errors.Add("links[0]", "bad link");
        errors.Add("title", "second");

        errors.Any.ShouldBeTrue();
        var ex = Should.Throw<DomainValidationException>(errors.ThrowIfAny);
        ex.Errors.Keys.ShouldBe(["title", "links[0]"], ignoreOrder: true);
        ex.Errors["title"].ShouldBe(["first", "second"]);
        ex.Message.ShouldContain("title: first second");
        ex.Message.ShouldContain("links[0]: bad link");
    }

    [Fact]
    public void field_paths_are_case_sensitive()
    {
        var errors = new ValidationErrors();
        errors.Add("title", "a");
        errors.Add("Title", "b");

        Should.Throw<DomainValidationException>(errors.ThrowIfAny).Errors.Count.ShouldBe(2);
    }
}
