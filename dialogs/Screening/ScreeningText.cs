using System.Globalization;
using Humanizer;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Everything the bot says outside the profile's own questions, in one place so the tone stays consistent.</summary>
internal static class ScreeningText
{
    public static readonly IReadOnlyList<Choice> YesNoChoices = [new("Yes", "yes"), new("No", "no")];

    public static readonly IReadOnlyList<Choice> WithdrawChoices = [new("Yes, withdraw", "yes"), new("No, continue", "no")];

    /// <summary>Sent with the pending question again when a message crossed it (written before the question reached the candidate).</summary>
    public const string AnswerCrossed =
        "Our messages crossed: you sent that before my next question reached you, so I've kept it in your transcript but won't count it as your answer to it. Here's the question:";

    public const string Commands =
        "You can type **help**, **repeat**, **skip** (for a question that doesn't apply to you), **pause**, **resume** or **withdraw** at any time.";

    /// <remarks>
    /// Only the profile's <see cref="Profile.Brief"/> is shown: <see cref="Profile.CompanyInstructions"/> is guidance for the
    /// bot and the LLM (what it may discuss), written to the bot, not to the candidate.
    /// </remarks>
    public static string Welcome(Profile profile, string firstName, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        return $"Hi {firstName}! I'm the screening assistant for the **{profile.Title}** role.\n\n{profile.Brief.Trim()}\n\n" +
               $"This screen takes about {TimeSpan.FromMinutes(profile.DurationMinutes).Humanize()}, and you can answer in your own time: " +
               $"it stays open {OpenUntil(expiresAt, now)}. There are no trick questions; concrete examples from your own work help the most. " +
               Commands;
    }

    /// <summary>
    /// When the screen closes, the same way everywhere (welcome, help, pause): the date and time in UTC and what is left,
    /// to the minute, in days rather than weeks ("until Monday 30 November at 09:00 UTC, 6 days, 23 hours from now").
    /// </summary>
    public static string OpenUntil(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        // To the nearest minute: the welcome is written a few milliseconds after the expiry is set, and "7 days" must not
        // read "6 days, 23 hours".
        var left = TimeSpan.FromMinutes(Math.Round((expiresAt - now).TotalMinutes));
        var remaining = left < TimeSpan.FromMinutes(1)
            ? "less than a minute"
            : left.Humanize(precision: 2, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);
        return $"until {expiresAt.UtcDateTime.ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture)} UTC, {remaining} from now";
    }

    public static string KnockoutNotSkippable =>
        "These first questions can't be skipped: they cover the role's basic requirements, so the hiring team needs an answer to each one. " +
        "A rough answer is fine, and you can type **withdraw** if you'd rather stop.";

    public const string ConsentQuestion =
        "Your answers are recorded and shared with the hiring team, who make every decision; I only summarise what you say. " +
        "Do you agree to continue?";

    public const string ConsentGiven = "Thank you! Let's begin.";

    public const string ConsentDeclined =
        "No problem at all, and thanks for letting us know. Nothing more will be recorded. If you change your mind, reply to the recruiter who invited you.";

    public const string KnockoutIntro = "First, a few quick questions about the basics.";

    public const string KnockedOut =
        "Thank you for your answers. Based on this role's requirements we aren't able to take your application further right now. " +
        "We really appreciate your time, and we'll keep your details in mind for future openings that fit better.";

    public static string CustomIntro(int count) =>
        $"Now {count.ToWords()} {(count == 1 ? "question" : "questions")} about your experience. A few sentences with a concrete example is perfect; type skip if one doesn't apply.";

    public static string CustomQuestion(int index, int count, string text) => $"**Question {index} of {count}.** {text}";

    public const string BlueprintIntro =
        "Next, a design deep-dive. There's no single right answer: walk me through how you'd approach it and the trade-offs you'd weigh.";

    public static string BlueprintQuestion(int index, int count, string text) =>
        count == 1 ? $"**Design question.** {text}" : $"**Design question {index} of {count}.** {text}";

    public static string BlueprintFollowUp(int index, int count, string text) => $"**Follow-up {index} of {count}.** {text}";

    public static string LanguageIntro(string language, int count) =>
        $"Let's switch language for {count.ToWords()} short {(count == 1 ? "question" : "questions")}. Please answer in {language}.";

    /// <summary>The language part's intro when it stays in the interview's language: the candidate is told their writing is assessed.</summary>
    public static string LanguageCheckIntro(string language, int count) =>
        $"Last, {count.ToWords()} short {(count == 1 ? "question" : "questions")} in {language}. This part also looks at your written {language}, so please answer in full sentences and in your own words.";

    public static string Closing(string firstName) =>
        $"That's everything, {firstName}. Thank you for your time and thoughtful answers! The hiring team will review the screen and get back to you.";

    public static string Help(DateTimeOffset expiresAt, DateTimeOffset now) =>
        "I'm running a short structured screen for the hiring team. Just answer each question in your own words; there is no time limit per question. " +
        $"Commands: **repeat** shows the current question again, **pause** and **resume** let you take a break (the screen stays open {OpenUntil(expiresAt, now)}), " +
        "**skip** moves past an experience or design question that doesn't apply (the first questions about the basics need an answer), and **withdraw** ends the screen.";

    public static string Paused(DateTimeOffset expiresAt, DateTimeOffset now) =>
        $"Paused. Take your time: type **resume** when you're ready. The screen stays open {OpenUntil(expiresAt, now)}.";

    public const string Resumed = "Welcome back! Here's where we left off:";

    public const string NotPaused = "We're not paused. Here's the current question again:";

    public const string WithdrawQuestion = "Are you sure you want to withdraw from this screen? No more questions will be asked, and the hiring team will be told you withdrew.";

    public const string Withdrawn = "You've withdrawn from the screen. Thanks for your time, and good luck!";

    public const string WithdrawCancelled = "Great, let's carry on.";

    public const string Expired = "This screen has expired, so I can't take more answers. If you'd still like to be considered, please contact the recruiter who invited you.";

    public const string AlreadyEnded = "This screen has finished. Thanks again: the hiring team has your answers.";

    public const string ProfileChanged =
        "The questions for this role have just been updated, so this screen can't continue. The recruiter will be in touch about next steps. Sorry for the interruption!";

    public static string TooLong(int length, int max) =>
        $"That message is {length:N0} characters, more than I can take in one answer ({max:N0}). Could you shorten it a little and send it again?";
}
