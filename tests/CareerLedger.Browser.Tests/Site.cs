using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests;

/// <summary>What a user does on the site, written as the keys and clicks they would use.</summary>
public static class Site
{
    /// <summary>A fresh e-mail address for a test user.</summary>
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>The password the test users sign up with.</summary>
    public const string Password = "a long and unusual passphrase 42";

    /// <summary>Signs up through the form (keyboard only) and lands on the dashboard.</summary>
    public static async Task SignUpAsync(IPage page, string email, string name = "Priya Test", string timeZone = "Europe/Berlin")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signup");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Time zone").SelectOptionAsync(timeZone);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/\\?welcome=1$"));
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has focus (at most 60 times), the way a keyboard user reaches a field.
    /// Autofocus usually puts focus there already; a headless window that has no focus of its own may ignore it.
    /// </summary>
    /// <exception cref="InvalidOperationException">When 60 presses did not reach it.</exception>
    public static async Task TabToAsync(IPage page, ILocator target)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException("Tab never reached the field.");
    }

    /// <summary>Signs in through the form.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/$"));
    }
}
