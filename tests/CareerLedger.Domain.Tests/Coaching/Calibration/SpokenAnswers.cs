namespace CareerLedger.Domain.Tests.Coaching.Calibration;

/// <summary>
/// The spoken-style calibration set: twenty strong answers written for it, without section labels, one per competency,
/// 150-240 words with the setup at 15-25 % of the words, each with its hand-written variant material; and six short
/// rambling answers (vague, no structure, no figures). How the variants are made: <see cref="SpokenVariant"/>.
/// Described in docs/coaching.md, "Calibration".
/// </summary>
public static class SpokenAnswers
{
    public static readonly IReadOnlyList<SpokenAnswer> Strong =
    [
        new(
            "orphaned billing export",
            "ownership",
            Context:
            [
                "At a logistics startup, finance depended on a nightly billing export that nobody owned, and it failed {two or three times a month|every few weeks}.",
                "I offered to take it on, even though it sat outside my team.",
            ],
            Actions:
            [
                "I started by reading {six months of|the old} failure logs and found that almost every failure came from one step, a join against a customer table that another job rewrote at the same time.",
                "I moved the export to start when that job finished instead of at a fixed hour, so that the jobs could never overlap.",
                "I rewrote the join to read from a snapshot and added a row count check that compared each export with the previous night's to within {2 %|a small margin}.",
                "I wrote a short runbook and walked the finance analyst through it, so she could rerun a single day without calling an engineer.",
                "Then I asked my manager to list the export as a service our team owned, with an alert that paged us when the check failed.",
            ],
            Result:
            [
                "The export ran cleanly for {the next five months|months afterwards}, and finance stopped rebuilding invoices by hand.",
                "Invoices went out on the first working day of each month, {three days|days} earlier than before.",
            ],
            Lesson:
            [
                "These days, whenever I find something important with no owner, I name one in the first week instead of waiting for it to break.",
            ],
            MoreContext:
            [
                "The startup had grown from a handful of people to a few hundred in two years, and most of the internal tools had been written in a hurry by people who had since left.",
                "The export itself was a Python script that a contractor wrote before I joined, and it ran on a virtual machine that nobody remembered creating.",
                "Finance had raised the problem several times, but each team assumed it belonged to someone else, and the tickets kept getting moved between backlogs.",
                "Month-end was always tense, because the same analysts were also closing the books and answering auditors, and a late export pushed everything else back.",
                "My own team was building the new routing engine at the time, so the export was never on anyone's roadmap, including mine.",
                "The finance lead had started keeping a spreadsheet of every failure, with the hours her team lost each time, and she shared it at the all-hands.",
                "Two of the failures that spring had landed on quarter-end, and the auditors had asked finance to explain the delays in writing.",
                "The virtual machine also ran other scripts that nobody could describe, so people were afraid to restart it or change anything on it.",
                "Finance had asked for a replacement system in the budget, but it had been pushed back a year because of a hiring freeze.",
            ],
            WouldActions:
            [
                "I would start by reading the failure logs to find which step breaks most often.",
                "If another job touched the same tables, I'd make the export wait for it instead of running at a fixed hour.",
                "I would add a row count check against the previous night and write a runbook so finance could rerun a day themselves.",
                "I would also ask my manager to make the export a service our team owns, with an alert on the check.",
            ],
            WouldResult:
            [
                "I'd expect the failures to stop within a month or two and the invoices to go out on time.",
            ]),

        new(
            "refunds API design dispute",
            "conflict",
            Context:
            [
                "On a payments team, another senior engineer and I disagreed about whether a new refunds API should be synchronous or event-driven, and the argument had stalled the design for {two weeks|weeks}.",
                "Our lead asked me to get us to a decision.",
            ],
            Actions:
            [
                "I booked an hour with him alone first, and I asked him to walk me through his worries before I said anything about mine.",
                "I found out his real concern was debugging, because he'd once been on call for an event-driven system that lost messages.",
                "I wrote a one-page comparison of both designs against the {three|main} things we both cared about: refund latency, failure recovery and how easy it was to trace a single refund.",
                "I built a small prototype of the event-driven version with a correlation id on every message, so he could follow one refund end to end in the logs.",
                "I agreed to his condition that we add a dead-letter queue with an alert before launch, and I wrote the decision record with both of our names on it.",
            ],
            Result:
            [
                "He signed off the design the next day, and refunds shipped {three weeks|weeks} later.",
                "In the first quarter the dead-letter queue caught {40|a handful of} bad messages, and every one of them was traced and replayed the same day.",
            ],
            Lesson:
            [
                "It changed how I handle disagreements: I now ask what the other person is afraid of before I argue for my own design.",
            ],
            MoreContext:
            [
                "The refunds work came out of a regulatory change, so the compliance team was watching the timeline closely and asked for weekly updates.",
                "The two of us had joined the company in the same month and had always got on well, which made the standoff more uncomfortable for everyone.",
                "Our team had inherited a synchronous billing service that was slow but well understood, and most of the runbooks were written around it.",
                "The platform group had just announced a new message broker, but only two other teams had moved to it, and their experience was mixed.",
                "Several junior engineers on the team had started to take sides in the design channel, and the planning meeting had ended badly the week before.",
                "Our lead was about to go on parental leave and wanted the question settled before she left.",
                "Product had already promised the first merchants a date, and support was preparing help articles that assumed refunds would show up instantly.",
                "Refunds had previously been handled by support staff issuing credits by hand, which took days and caused a steady flow of complaints.",
                "Neither of us had written a design for a system this size before, and both of us wanted to get it right.",
                "The design review board only met every second Thursday, so each missed meeting pushed the start of the work back again.",
            ],
            WouldActions:
            [
                "I would meet him alone first and ask him to walk me through his worries before arguing for my side.",
                "I'd write a short comparison of both designs against the things we both care about.",
                "I would build a small prototype so he could see how a single refund can be traced through the logs.",
                "Then I would agree on a decision record that names us both.",
            ],
            WouldResult:
            [
                "That should unblock the design within a few days and let the team ship refunds on schedule.",
            ]),

        new(
            "vague onboarding brief",
            "ambiguity",
            Context:
            [
                "When I joined a business analytics company, the head of product said first-month churn was too high and asked me to fix onboarding, with no spec and no metric.",
                "{38 %|Far too many} of new accounts never built a second dashboard.",
            ],
            Actions:
            [
                "I pulled the event data for the last {2,000|batch of} sign-ups and looked for the step where people stopped.",
                "I interviewed {eight|several} customers who had left, and {six|most} of them said the same thing: they couldn't connect their own data without an engineer.",
                "Because that was a small sample, I built a rough import wizard for spreadsheet files and showed it to {20|a group of} new accounts behind a flag.",
                "I agreed a target with the head of product of getting {60 %|most} of new accounts to a second dashboard, so that we both knew what success looked like.",
                "When the flagged group did better, I rolled the wizard out to everyone and wrote a guide for the support team.",
            ],
            Result:
            [
                "The share of accounts reaching a second dashboard rose from {38 % to 57 %|a minority to a clear majority} over the next quarter.",
                "Support tickets about imports fell by {half|a good margin}, and first-month churn dropped from {11 % to 7 %|its old level}.",
            ],
            Lesson:
            [
                "I learned that with a vague brief the first job is to agree on one number with whoever asked, and I still start every fuzzy project that way.",
            ],
            MoreContext:
            [
                "The company sold dashboards to operations teams at mid-sized retailers, and most customers came through a free trial rather than a sales call.",
                "Onboarding had been owned by a growth team that was disbanded in a reorganisation, so the flows hadn't been touched in over a year.",
                "Everyone had a theory about churn: sales pointed at pricing, engineering at performance, and customer success at the documentation.",
                "There was also a board meeting coming up, and the head of product had promised an onboarding plan without saying what it would contain.",
                "The analytics events were inconsistent, because different teams had named the same actions in different ways over the years.",
                "I was new, I didn't know the product well yet, and I had no designer or researcher assigned to me.",
                "The trial lasted a fortnight, and most accounts that left did so without ever contacting support, so there were few complaints to learn from.",
                "Our pricing page promised that customers could get started without any help, which was true only for the simplest setups.",
                "The data connectors had been built for our first few customers and assumed a particular database that newer customers rarely used.",
                "The head of product was also managing two other teams and had limited time for me in the first month.",
            ],
            WouldActions:
            [
                "I would pull the sign-up data and look for the step where people drop off.",
                "I'd interview customers who left to find out what stopped them.",
                "I would build a rough prototype of whatever they asked for and test it with new accounts behind a flag.",
                "I would also agree a target with the head of product so we both know what success looks like.",
            ],
            WouldResult:
            [
                "I'd expect more accounts to reach a second dashboard and churn to come down over a quarter or so.",
            ]),

        new(
            "struggling graduate",
            "mentorship",
            Context:
            [
                "Last year I was asked to mentor a new graduate on my team who was struggling: her changes sat in review for days and she'd stopped asking questions.",
                "My goal was to get her shipping on her own within a quarter.",
            ],
            Actions:
            [
                "I started with a weekly hour where she drove and I only asked questions, so she practised explaining her reasoning out loud.",
                "I noticed her changes were large, so I showed her how I split a feature into small reviewable steps and paired with her on the next {two|few}.",
                "I asked {two|a couple of} senior reviewers to reply to her within a day and to mark comments as blocking or optional, so she knew what mattered.",
                "I gave her the on-call runbook rewrite as her own project, because it touched every service without being risky.",
                "When she presented it to the team, I stayed quiet and let her take the questions.",
            ],
            Result:
            [
                "Her median time in review went from {four days to under one|several days to less than a day}.",
                "By the end of the quarter she had shipped {11|a string of} changes on her own, and in the spring she was mentoring the next graduate herself.",
            ],
            Lesson:
            [
                "These days I always start mentoring by making the work smaller and the feedback faster, before I try to teach anything technical.",
            ],
            MoreContext:
            [
                "Our team owned the internal deployment tooling, which is a hard place to start because every change can affect dozens of other teams.",
                "She had come from a bootcamp after a career in accounting, and she was the only junior engineer among seven seniors.",
                "Her previous mentor had left the company after her first month, so she had spent a long stretch mostly on her own.",
                "The codebase was old, with plenty of unwritten rules, and the review culture was blunt: comments were short and rarely explained why.",
                "Our manager was worried about her probation review, which was coming up in a couple of months, and asked me for an honest view.",
                "I had never formally mentored anyone before, and I was also leading the migration to a new build system at the time.",
                "Standups were held over video, and she usually kept her camera off and said very little.",
                "The team had a tradition of large, sweeping changes, and reviews often turned into long threads that went back and forth for days.",
                "She was clearly capable, having built a well-regarded project in her bootcamp, but she had never worked in a codebase this size.",
                "Nobody had given her a written plan for her first months, and her tickets were whatever happened to be left over each sprint.",
            ],
            WouldActions:
            [
                "I would set up a weekly hour where she drives and I only ask questions.",
                "I'd show her how to split a feature into small reviewable steps and pair with her on the first few.",
                "I would ask the senior reviewers to reply quickly and to mark comments as blocking or optional.",
                "I would also give her a small project of her own that she can present to the team.",
            ],
            WouldResult:
            [
                "I'd hope that within a quarter she would be shipping changes on her own.",
            ]),

        new(
            "Saturday order queue backlog",
            "reliability incident",
            Context:
            [
                "At a food delivery company, our order queue backed up on a Saturday lunchtime and restaurants stopped receiving new orders.",
                "I was the on-call engineer, so it was on me to restore the flow and find the cause.",
            ],
            Actions:
            [
                "I paged the database owner and set up a channel where I posted an update every {ten minutes|few minutes} for support.",
                "I checked the consumer dashboard and saw the workers were alive, but each message was taking {eight seconds|far too long} instead of the usual {200 milliseconds|fraction of a second}.",
                "I traced the slow calls to an index that a migration had dropped that morning, and I recreated it online to avoid locking the table.",
                "I scaled the consumers up to {three times|several times} the usual count so that the backlog of {40,000|waiting} messages would drain faster.",
                "Once the queue was moving, I wrote a query to find orders stuck for more than {fifteen minutes|a while} and asked support to call those restaurants first.",
            ],
            Result:
            [
                "Orders were flowing again {25 minutes|soon} after the page, and the backlog was gone before the evening rush.",
                "Only {nine|a few} restaurants needed a call, and none of them lost an order.",
            ],
            Lesson:
            [
                "Since then I add a check to every migration review that lists the indexes it drops, and our CI pipeline fails a migration that removes one without a note.",
            ],
            MoreContext:
            [
                "Saturday lunch is the busiest window of the week for that business, and a few minutes of delay means cold food and angry customers.",
                "The order service had been split out of the monolith the year before, and the team that built it had mostly moved on to other projects.",
                "The migration that morning was part of a cleanup that a different team had planned for weeks, and it had passed review without anyone noticing the index.",
                "Our monitoring alerted on queue length, but the threshold had been set during a quiet month and was far too high for a weekend.",
                "Support had already started receiving calls from restaurants before I was paged, and the operations manager was on a flight.",
                "I had only joined the on-call rotation a few weeks earlier and had never seen that queue misbehave.",
                "The runbook for the order service described an older architecture and pointed to dashboards that had been deleted.",
                "The company had promised restaurants in their contracts that orders would arrive within a few minutes of being placed.",
                "Weekend traffic had grown by a large amount over the previous months, but the consumer count had been set by hand when the service launched.",
                "The database owner was at a family event that day and joined from a phone with a poor connection.",
            ],
            WouldActions:
            [
                "I would page the database owner and post regular updates for support.",
                "I'd check the consumer dashboard to see whether the workers are alive or just slow.",
                "If a recent migration looked suspicious, I would compare the indexes before and after it and recreate anything missing.",
                "I would also scale the consumers up so the backlog drains faster, and ask support to call the restaurants waiting longest.",
            ],
            WouldResult:
            [
                "I'd expect orders to flow again within the hour.",
            ]),

        new(
            "hand-edited configuration file",
            "tech debt",
            Context:
            [
                "At a travel booking site, every team edited one {4,000-line|huge} XML configuration file, and a bad edit took search down about once a quarter.",
                "I volunteered to replace it in small steps alongside my normal work.",
            ],
            Actions:
            [
                "I wrote a parser that loaded the old file into typed settings, and I ran it in CI against every commit so that a broken edit failed the build instead of production.",
                "I then split the file by owning team, which took {six|several} small changes that each moved one section and changed nothing else.",
                "I added a diff view to the deploy tool so reviewers saw exactly which settings changed rather than pages of XML.",
                "I kept the old loader running in parallel for a month and compared both outputs on every deploy before I deleted it.",
                "I ran a {half-hour|short} session for each team on reading the new diffs.",
            ],
            Result:
            [
                "The CI check stopped {14|a string of} broken deploys in the first year, each one before it reached a server.",
                "Search went that whole year without a configuration outage, down from {four|several} the year before.",
            ],
            Lesson:
            [
                "What I took from it is that debt can be paid down without a big rewrite when every step is safe on its own, and I now pitch cleanups that way.",
            ],
            MoreContext:
            [
                "The file had started as a small list of feature flags ten years earlier and had grown every time someone needed a new setting.",
                "Nobody understood all of it, and some sections were copied from other sections with small changes that no one could explain.",
                "Releases went out twice a week from a single branch, so one team's mistake blocked everyone else's changes until it was reverted.",
                "There had been talk of moving to a configuration service for years, but every proposal died because it needed a big migration weekend.",
                "The platform team was short-staffed after two people left, and my own team was in the middle of a redesign of the checkout pages.",
                "Each outage had its own post-mortem, and each one ended with the same action item to be more careful when editing the file.",
                "Product managers had stopped asking for new settings because they knew each one would mean another risky edit.",
                "Some of the settings controlled prices shown to customers, so a typo could also mean selling rooms at the wrong rate for an hour.",
                "New engineers were told on their first day never to touch the file without asking someone senior, but nobody knew who that was.",
                "The file was loaded at start-up by every service, so a single bad value could stop a whole fleet from booting.",
            ],
            WouldActions:
            [
                "I would write a parser that loads the file into typed settings and run it in CI so broken edits fail the build.",
                "I'd split the file by owning team in small changes that each move one section.",
                "I would add a diff view to the deploy tool and keep the old loader running in parallel for a while.",
            ],
            WouldResult:
            [
                "That should stop most configuration outages within a year.",
            ]),

        new(
            "returns flow before peak season",
            "delivery",
            Context:
            [
                "My team had committed to launching a self-service returns flow before a retailer's peak season, and {six weeks|weeks} out we were clearly behind.",
                "As the tech lead, it was my call how to still land something useful.",
            ],
            Actions:
            [
                "I listed every remaining piece of work with a rough size and sat down with the product manager to sort it into launch and later.",
                "I proposed dropping printed labels and partial refunds, which together were about {40 %|a big part} of what was left, and she agreed.",
                "I moved an engineer from the admin tools onto the carrier integration, because it was the riskiest part and had only one person on it.",
                "I set up a short daily check-in with the carrier's engineers, so that blocking questions got answered the same day instead of by email.",
                "Each Friday I sent the stakeholders a one-paragraph status with the date we were tracking to and what had changed.",
            ],
            Result:
            [
                "The returns flow launched {four days|days} ahead of the peak, and {31,000|plenty of} customers used it in the first month.",
                "Calls to the support line about returns dropped {by 35 %|noticeably} compared with the previous peak.",
            ],
            Lesson:
            [
                "Now, when a date is fixed, I cut scope in the first conversation rather than the last, and I put the cut list in writing.",
            ],
            MoreContext:
            [
                "The retailer had promised the feature in its own marketing, so moving the date was not really an option.",
                "We were five engineers, two of them new, and the carrier integration depended on an API that was still being built on their side.",
                "The designs had changed twice after user testing, and each change had eaten into time we had planned for the back end.",
                "The previous year, returns had been handled entirely by phone, and the support team had needed dozens of temporary staff to cope.",
                "Our product manager had just joined from another company and was still learning how decisions were made.",
                "Leadership checked the launch in every weekly review, and each time the answer was that we were a little behind but catching up.",
                "Two other teams were also waiting on us, because their loyalty features assumed that returns would be online.",
                "I had led smaller launches before, but never one with a date printed in adverts.",
                "Peak season brings several times the normal order volume for that retailer, and returns follow a couple of weeks later.",
                "The old phone process had cost the retailer a lot in staffing, and their finance team had already counted the savings in their plan.",
                "The carrier's API kept changing during the project, and each change arrived with little notice and thin documentation.",
            ],
            WouldActions:
            [
                "I would list the remaining work with rough sizes and sort it with the product manager into launch and later.",
                "I'd propose dropping the least important features and move people onto the riskiest part.",
                "I would set up a daily check-in with the carrier and send the stakeholders a short weekly status.",
            ],
            WouldResult:
            [
                "That way I'd expect the flow to launch on time with the core features.",
            ]),

        new(
            "hospital compliance report",
            "customer impact",
            Context:
            [
                "One of our largest customers, a hospital group, complained that their monthly compliance report was timing out, and their contract renewal was coming up.",
                "Support escalated it to me because I knew the reporting service best.",
            ],
            Actions:
            [
                "I joined a call with their IT lead and watched him run the report, so I could see exactly which filters they used.",
                "I reproduced it on a copy of their data and found the query was scanning {three years|years} of audit rows for every department separately.",
                "I rewrote it as a single pass that grouped by department, and I added an index on the date column after testing it against a copy of production.",
                "While the fix went through review, I ran the report for them myself each night and emailed the file, so they never missed a deadline.",
                "I also added a timing alert on any report that takes over {30 seconds|a set limit}, so that we hear about the next slow one before a customer does.",
            ],
            Result:
            [
                "The report finished in {nine seconds|moments} instead of timing out after {five minutes|a long wait}.",
                "They renewed for {three more years|another term}, and their IT lead asked to join our beta group.",
            ],
            Lesson:
            [
                "Ever since, when a customer reports a problem, I ask to watch them hit it, because their steps are rarely the ones I would guess.",
            ],
            MoreContext:
            [
                "The hospital group had signed with us four years earlier, when the product was much smaller, and had grown into one of our top accounts.",
                "Their compliance team had to send the report to a regulator by a fixed day each month, and late filings could lead to fines.",
                "The reporting service was written by a team that no longer existed, and it had almost no tests or documentation.",
                "Our account manager had already offered them a discount to calm things down, and the sales director was asking for daily updates.",
                "Other customers used the same report, but none of them had as many departments or as much history.",
                "Support had tried the usual workarounds, such as shorter date ranges, but the regulator required the full period.",
                "Their IT lead was frustrated because he had raised the slowness twice before and had been told it was expected.",
                "The renewal was worth a noticeable share of our annual revenue, so the executives were watching closely.",
                "The report combined audit trails from every ward and clinic, and the hospital group had added several new sites in the past year.",
                "Our database ran on a single large server that was shared with other reporting jobs, so heavy queries affected other customers too.",
                "The customer had started evaluating a competitor, and their procurement team had asked for a formal improvement plan.",
            ],
            WouldActions:
            [
                "I would get on a call with their IT lead and watch him run the report.",
                "I'd reproduce it on a copy of their data and find out which part of the query is slow.",
                "I would rewrite the slow part and run the report for them by hand until the fix ships.",
            ],
            WouldResult:
            [
                "I'd expect the report to run in seconds and the customer to stay.",
            ]),

        new(
            "migration that locked logins",
            "failure and growth",
            Context:
            [
                "Early in my second job I ran a database migration that locked the users table during business hours, and logins failed for everyone.",
                "It was my change and my mistake, so I owned the cleanup.",
            ],
            Actions:
            [
                "I killed the migration as soon as I saw the lock alerts, and I posted in the incident channel that it was my change.",
                "I restored logins by rolling the schema back, then I checked with support which customers had complained so I could reply to them personally.",
                "I wrote the post-mortem the next day, and I was direct that I'd run an untested migration at noon because I wanted to finish before a demo.",
                "I rewrote the migration to add the column without a lock, in {four|several} small batches, and rehearsed it on a full-size copy.",
                "I then proposed that schema changes run only outside business hours with a second reviewer, and I wrote the checklist for it.",
            ],
            Result:
            [
                "Logins were down for {11 minutes|a short while}, and the migration went through cleanly the following week.",
                "Over the next year the checklist covered {60|many} releases with schema changes, and none of them locked a table.",
            ],
            Lesson:
            [
                "It taught me to rehearse anything irreversible on real-sized data first, and I still do that for every migration I write.",
            ],
            MoreContext:
            [
                "The company ran a scheduling app for dental clinics, and most of our users logged in between eight and ten in the morning.",
                "I had been there for about three months and was keen to show I could move fast.",
                "The migration added a column to the users table, which looked harmless in review because our test database had only a few hundred rows.",
                "Production had several million rows, and nobody on the team had written down that adding a column with a default locked the table on our database version.",
                "Our deploy process let any engineer run a migration from their laptop, with no schedule and no second pair of eyes.",
                "That week there was also a sales demo for a large clinic chain, and my manager had asked me to get the feature in before it.",
                "The on-call engineer that day was in a different time zone and asleep when the alerts started.",
                "Clinics rang their receptionists' helpline, which was the same line they used for urgent patient issues.",
                "I had written plenty of migrations at my first job, but that company had much smaller tables and a more forgiving database.",
                "The team had a habit of shipping small fixes at lunchtime because the office was quiet and reviewers were available.",
                "Our status page was updated by hand, and nobody had the login for it that day.",
            ],
            WouldActions:
            [
                "I would stop the migration straight away and tell the incident channel it was my change.",
                "I'd roll the schema back to restore logins and reply personally to the customers who complained.",
                "Then I would rewrite the migration in small batches and propose a checklist for schema changes.",
            ],
            WouldResult:
            [
                "I'd expect logins to be back within minutes and no more lock incidents after that.",
            ]),

        new(
            "structured logging across teams",
            "influence without authority",
            Context:
            [
                "At a fintech with {about 30|many} teams, every team logged in its own format, so tracing one payment across services took most of a day.",
                "I wanted to fix that, but I had no authority over any team except my own.",
            ],
            Actions:
            [
                "I built a small logging library with a shared payment id and made adopting it a {two-line|tiny} change, because I knew nobody would take on a migration.",
                "I picked the {three|few} teams whose services sat on the payment path and paired with one engineer from each to switch them over in an afternoon.",
                "I recorded a {five-minute|short} demo of following one failed payment through the whole path, and I played it at the engineering all-hands.",
                "When {two|a couple of} teams pushed back about log volume, I added sampling for debug lines so their costs wouldn't rise.",
                "I wrote the adoption steps into the service template, so every new service got the library by default.",
            ],
            Result:
            [
                "{22 of the 30 teams had switched within four months|Most of the other teams had switched within a few months}, without anyone being told to.",
                "The median time to trace a payment problem dropped from most of a day to {about 20 minutes|a short while}.",
            ],
            Lesson:
            [
                "I learned that people adopt what is easiest, so I now spend more time making the right thing cheap than arguing for it.",
            ],
            MoreContext:
            [
                "The teams were spread across three offices, and each had chosen its own stack when the company was growing fast.",
                "Several earlier attempts at a logging standard had produced long documents that nobody followed.",
                "The platform team supported the idea but had no capacity, and their roadmap was full for the next two quarters.",
                "Our incident reviews kept naming tracing as the slowest part of every investigation, and customers were waiting on refunds while engineers searched.",
                "Some teams were proud of their own logging and saw any standard as extra work imposed from outside.",
                "My own team was small, and I was the only senior engineer on it, so any time I spent on this came out of our feature work.",
                "The architecture group met once a month, but it could only recommend things, not require them.",
                "Logs were stored in two different systems, and engineers needed separate logins to search each one.",
                "Each team also used different names for the same thing, so a payment might be an order in one service and a transaction in another.",
                "Our cloud logging bill was already high, and finance had asked teams to reduce log volume rather than add to it.",
                "The last engineer who tried to push a standard had left the company, and people still joked about his endless proposal document.",
            ],
            WouldActions:
            [
                "I would build a small logging library that is easy to adopt.",
                "I'd start with the teams on the payment path and pair with them to switch over.",
                "I would record a short demo for the all-hands and add the library to the service template.",
            ],
            WouldResult:
            [
                "I'd expect most teams to follow once they see the demo, and tracing to get much faster.",
            ]),

        new(
            "slow sales dashboard",
            "performance",
            Context:
            [
                "At an e-commerce analytics firm, our main sales dashboard took {eight seconds|ages} to load, and customers opened it every morning.",
                "My manager asked me to get it under {two seconds|a reasonable time} before a big customer conference.",
            ],
            Actions:
            [
                "I profiled a real session first and found that {70 %|most} of the time went into {fourteen|a chain of} separate queries that ran one after another.",
                "I ran the independent queries in parallel and merged the ones that read the same table.",
                "I added a cache for the previous day's totals, since those never change after midnight, so the page only computed today's numbers live.",
                "I tested each change against copies of our {ten|very} largest accounts, so that I wasn't tuning for small ones.",
                "I rolled it out behind a flag to {5 %|a slice} of customers and compared load times for a week before turning it on for everyone.",
            ],
            Result:
            [
                "The median load time fell {from eight seconds to 1.4 seconds|sharply}, and morning support chats about slowness stopped almost entirely.",
                "At the conference, {three|several} customers mentioned the speed without being asked.",
            ],
            Lesson:
            [
                "Whenever something is slow now, I profile a real user's session before I touch any code, because my first guess is usually wrong.",
            ],
            MoreContext:
            [
                "The dashboard was the first thing every customer saw after logging in, and sales used it in every demo.",
                "It had been built years earlier for customers with a few thousand orders a day, and some now had millions.",
                "Each widget on the page had been added by a different team over time, and each made its own queries without knowing about the others.",
                "Customers had complained for months, and our account managers had started showing screenshots in meetings instead of the live page.",
                "The database team believed the problem was in the front end, and the front-end team believed it was the database.",
                "The conference was six weeks away, and our largest customer was giving the keynote about using our product.",
                "There was no performance monitoring on the page, so nobody knew which part was slow or how slow it was for real users.",
                "A rewrite had been proposed the year before but was shelved because it would take too long.",
                "The page was rendered on the server, and each query waited for the previous one because of how an old library handled connections.",
                "Several large customers had asked for a data export so they could build their own dashboards, which sales saw as a warning sign.",
                "Our front-end and back-end engineers sat in different offices and rarely talked about performance.",
            ],
            WouldActions:
            [
                "I would profile a real session to find where the time goes.",
                "I'd run independent queries in parallel and cache anything that doesn't change during the day.",
                "I would roll the change out behind a flag and compare load times before turning it on for everyone.",
            ],
            WouldResult:
            [
                "I'd expect the page to load in a couple of seconds after that.",
            ]),

        new(
            "overnight transcoding fleet",
            "cost",
            Context:
            [
                "At a video startup our cloud bill had grown {60 %|sharply} in a year while usage grew much less, and the CFO asked engineering to explain it.",
                "I volunteered to find where the money went and cut it without slowing the product.",
            ],
            Actions:
            [
                "I tagged every resource by team and service, which took a week of chasing owners, so that the bill could be read at all.",
                "I found that {45 %|most} of the spend was transcoding servers left running at full size overnight, when almost nobody uploaded video.",
                "I set up autoscaling that shrank the transcoding fleet to {two machines|a skeleton crew} at night, after replaying a month of upload traffic to make sure queues wouldn't build up.",
                "I moved finished videos older than {90 days|a few months} to a cheaper storage tier, since they were almost never watched again.",
                "I added a weekly cost report per team to our chat, so owners saw their own numbers.",
            ],
            Result:
            [
                "The monthly bill dropped {from $210k to $140k|steeply} within {two months|a couple of months}, and upload times didn't change.",
                "Finance started putting the weekly report in the board pack.",
            ],
            Lesson:
            [
                "It changed how I think about cost: I now treat it like latency, something every team should see for its own services every week.",
            ],
            MoreContext:
            [
                "The startup hosted short videos for marketing teams, and customers uploaded mostly during working hours in Europe and the US.",
                "We had moved to the cloud in a hurry during a growth spurt, and nobody had revisited the setup since.",
                "Nobody could say which team owned which servers, because resources had been created by hand with names like test-2 and new-final.",
                "The CFO had just raised a new funding round and had promised investors that margins would improve this year.",
                "Engineers were nervous that cost cutting would mean slower uploads, which had been our biggest source of complaints the year before.",
                "The finance team had tried to read the cloud bill themselves, but it was tens of thousands of lines with no labels.",
                "Our account manager at the cloud provider had offered a discount for a three-year commitment, and finance was tempted to sign it.",
                "There was no cost dashboard anywhere, and the bill arrived once a month as a single number.",
                "The transcoding servers had been sized for a launch campaign a year earlier and had never been resized after it ended.",
                "Each team had its own cloud account, and some had created duplicate storage buckets because they could not find the shared ones.",
                "The CFO was new to the company and was reviewing every large cost line with the same scepticism.",
            ],
            WouldActions:
            [
                "I would tag every resource by team so the bill can be read.",
                "I'd look for servers that run at full size when nobody uses them and set up autoscaling.",
                "I would also move old files to cheaper storage and send each team a weekly cost report.",
            ],
            WouldResult:
            [
                "I'd expect the bill to come down noticeably within a couple of months.",
            ]),

        new(
            "inherited Go service",
            "learning new technology",
            Context:
            [
                "When I moved to the platform team, I inherited a Go service that routed all our webhooks, and I had never written Go.",
                "Its only expert was leaving in {three weeks|a few weeks}, so I needed to be able to run it alone by then.",
            ],
            Actions:
            [
                "I read the service end to end and wrote down every question I couldn't answer, then went through the list with its author each afternoon.",
                "I worked through the official Go tour in the evenings of the first week, and I rewrote one small handler myself so I had something real to review.",
                "I asked him to review my changes as strictly as a senior's, and I kept a page of the idioms he corrected.",
                "I paired with him on a live deploy and then ran the next {two|few} on my own while he watched.",
                "I added tracing to the retry path, which was the part I understood least, so that I could see what it did under load.",
            ],
            Result:
            [
                "By the time he left I'd shipped {nine|a series of} changes to the service, and the first incident after that took me {40 minutes|under an hour} to resolve.",
                "Webhook delivery stayed above {99.9 %|its target} through the handover.",
            ],
            Lesson:
            [
                "These days I learn a new language by changing something real in the first week and asking for the harshest review I can get.",
            ],
            MoreContext:
            [
                "The webhook router delivered events to thousands of customer endpoints, and many of those customers used it to trigger billing on their side.",
                "It had been written by one engineer over several years, and most of its behaviour lived in his head rather than in documents.",
                "The rest of the platform team worked in Python and Java, and nobody else had time to pick up the service.",
                "There had been a plan to rewrite it in Python, but the rewrite had been cancelled twice because of other priorities.",
                "Management was nervous about the handover, because the last time an expert left a service, it had a two-day outage a month later.",
                "I was also on call for the team's other services during those weeks, which left me less time than I had hoped.",
                "The service had decent tests, but they mocked most of the network, so they said little about how it behaved in production.",
                "My manager offered to push back the handover date, but the engineer's notice period could not move.",
                "The webhook router also had its own deployment scripts, written in shell, which only its author had ever run successfully.",
                "Several of our biggest customers had contracts that promised webhook delivery within seconds, with credits if we missed it.",
                "The team had no Go tooling set up in its build pipeline, so even running the tests needed a setup guide that did not exist.",
            ],
            WouldActions:
            [
                "I would read the service end to end with its author and write down my questions.",
                "I'd work through a Go tutorial and ask him to review a small change of mine strictly.",
                "I would pair with him on a few deploys and add tracing to the parts I understand least.",
            ],
            WouldResult:
            [
                "I'd expect to be able to run it alone by the time he leaves.",
            ]),

        new(
            "custom export versus security fix",
            "prioritisation",
            Context:
            [
                "My team was midway through a single sign-on security fix when a vice president asked us to build a custom export for one prospect.",
                "As team lead, I had to decide what to do with it.",
            ],
            Actions:
            [
                "I asked the sales lead for the deal size and the deadline, so that I could compare both pieces of work on the same terms.",
                "I wrote a {half-page|short} summary showing the fix protected {180|all of our} enterprise customers, while the export served one deal worth about {$40k|a modest amount} a year.",
                "I met the vice president with that summary and proposed a middle path: finish the fix first, then give the prospect our standard export with {two|a couple of} extra columns.",
                "I asked one engineer to spike the extra columns for a day to check my estimate before I promised anything.",
                "I sent a short written recap after the meeting so the decision and the reasons were on record.",
            ],
            Result:
            [
                "The vice president agreed, and the security fix shipped on schedule {eleven days|some days} later.",
                "The prospect signed with the standard export, and {two|other} customers later asked for the same columns.",
            ],
            Lesson:
            [
                "I learned that saying no goes better when I bring numbers and an alternative, and I bring both to every priority call now.",
            ],
            MoreContext:
            [
                "The security fix came out of a penetration test that found a way to reuse session tokens after logout.",
                "We had told our enterprise customers about the fix and given them a date, and several of them had written it into their own audit plans.",
                "The prospect was a well-known brand, and the sales team saw the logo as more valuable than the contract itself.",
                "The vice president had a reputation for escalating quickly, and a previous team lead had been overruled in a similar situation.",
                "My team was only four engineers, and one of them was on holiday for the first week of the fix.",
                "The export request came with a mock-up that had clearly been designed by the prospect's own staff, with field names nobody at our company used.",
                "Our product manager was on leave, so the conversation fell to me rather than to her.",
                "The sales quarter was ending soon, and the sales lead was under pressure to close the deal.",
                "The fix touched the login flow for every customer, so it needed careful testing across all the identity providers we supported.",
                "Custom work for single prospects had caused trouble before, leaving us with one-off code that nobody wanted to maintain.",
                "The vice president had joined recently from a larger company, where custom work for big prospects was normal.",
            ],
            WouldActions:
            [
                "I would ask sales for the deal size so I can compare both pieces of work.",
                "I'd write a short summary of the trade-off and meet the vice president with it.",
                "I would propose finishing the fix first and offering the standard export with a few extra columns.",
            ],
            WouldResult:
            [
                "I'd hope the vice president would agree and the fix would ship on time.",
            ]),

        new(
            "random-feeling interview loop",
            "hiring",
            Context:
            [
                "Our engineering org was hiring fast, but {half|many} of the offers we made were declined, and candidates said our interviews felt random.",
                "I asked to redesign the backend interview loop, and my director agreed.",
            ],
            Actions:
            [
                "I read the feedback from {the last 50|recent} candidates and sorted the complaints into themes, and the top one was puzzle questions unrelated to the job.",
                "I replaced the puzzles with {two|a pair of} practical exercises based on real work from our codebase, and I wrote a scoring guide for each one.",
                "I trained {twelve|the} interviewers in pairs, so that each one shadowed a session before running their own.",
                "I added a short survey after every loop, and I reviewed the results with the interviewers each month.",
                "I also set a rule that candidates heard back within {two working days|a couple of working days}, and I tracked it in a shared sheet.",
            ],
            Result:
            [
                "Offer acceptance went from {52 % to 78 %|a coin toss to a clear majority} over the next {two quarters|few quarters}.",
                "Candidates rated the process {4.5 out of 5|highly} in the survey, and {two|some} of our new hires said the exercises were why they joined.",
            ],
            Lesson:
            [
                "I always pilot a change on a few real cases before I roll it out now, because the survey caught problems I would never have guessed.",
            ],
            MoreContext:
            [
                "The company had doubled in size the year before, and most interviewers had been at the company for less than a year themselves.",
                "Each interviewer chose their own questions, and some reused puzzles they had been asked at their previous jobs.",
                "Recruiters complained that feedback arrived late and was often a single line saying the candidate was not a fit.",
                "Several strong candidates had posted about our process online, and the posts came up whenever someone searched for the company.",
                "Hiring managers were frustrated too, because roles stayed open for months and teams were stretched.",
                "There was no shared rubric, so two interviewers could see the same answer and reach opposite conclusions.",
                "The director had asked for a faster process, but nobody owned the loop as a whole, so nothing changed.",
                "Candidates also waited a long time between stages, sometimes more than a week, and some accepted other offers in the meantime.",
                "The recruiting team had even started warning candidates that the technical round was unpredictable.",
                "The loop had five stages, each designed by a different manager at a different time, and nobody had ever looked at it as a whole.",
                "Our recruiters were paid partly on accepted offers, so they were the first to raise the alarm about declines.",
                "Engineers disliked interviewing because it took them away from their work and felt like it made no difference.",
            ],
            WouldActions:
            [
                "I would read the candidate feedback and sort the complaints into themes.",
                "I'd replace the puzzles with practical exercises and write a scoring guide for each one.",
                "I would train the interviewers and add a short survey after every loop.",
            ],
            WouldResult:
            [
                "I'd expect more candidates to accept our offers after that.",
            ]),

        new(
            "leaked storage key",
            "security",
            Context:
            [
                "On a Sunday morning, a secret scanner flagged that an access key for our production storage had been pushed to a public repository by mistake.",
                "I was the security engineer on call, so containing it was my job.",
            ],
            Actions:
            [
                "I revoked the key and issued a new one to the {two|affected} services that used it, restarting them one at a time to avoid downtime.",
                "I pulled the storage access logs for the window the key was public and checked every request made with it from an unknown address.",
                "I found {three|a few} listing requests from a scanner but no downloads, and I confirmed that with the provider's support team.",
                "I wrote up the timeline the same day and told the affected team what had happened without naming the engineer who pushed it.",
                "I then added a pre-commit hook and a CI check that block any commit containing a key pattern, and I rolled them out to every repository.",
            ],
            Result:
            [
                "The key was public for {38 minutes|less than an hour}, and no customer data left the bucket.",
                "{In the next six months|Afterwards} the new check stopped {17|a steady trickle of} secrets before they were pushed.",
            ],
            Lesson:
            [
                "It changed how I think about mistakes like this: I now put the guardrail in the tool, because a reminder to be careful does nothing on a busy day.",
            ],
            MoreContext:
            [
                "The company stored customer documents for accounting firms, so a leak would have meant notifying clients and possibly regulators.",
                "The key belonged to a service account that had been created years earlier and had far broader permissions than it needed.",
                "The engineer who pushed it had been working late on a side project and had copied a configuration file into the wrong folder.",
                "Our security team was three people, and the other two were at a conference in a different time zone.",
                "The company had talked about secret scanning for a year, but the only thing in place was a free scanner that watched public repositories.",
                "Several teams still kept keys in configuration files instead of the vault, because the vault was slow to set up for new services.",
                "Our incident process assumed office hours, and the contact list for the storage provider was out of date.",
                "Legal had asked, after a previous scare, to be told about any possible exposure within a few hours.",
                "The public repository belonged to an engineer's personal account, which he had been using to share a small tool with a friend.",
                "The storage bucket held scanned invoices and bank statements for thousands of small businesses, going back several years.",
                "Our cloud provider's support line for urgent cases had a long waiting time on weekends, which we only found out that morning.",
            ],
            WouldActions:
            [
                "I would revoke the key straight away and issue a new one to the services that use it.",
                "I'd pull the access logs for the window the key was public and check for downloads.",
                "I would then add a pre-commit hook and a CI check that block commits containing keys.",
            ],
            WouldResult:
            [
                "I'd expect the exposure to be contained within the hour.",
            ]),

        new(
            "revenue figures that disagreed",
            "data quality",
            Context:
            [
                "At a subscription business, the revenue dashboard and the finance ledger disagreed by about {4 %|a noticeable amount} every month, and nobody trusted either.",
                "I was asked to find out which one was wrong and fix it.",
            ],
            Actions:
            [
                "I picked one month and matched {18,000|all the} invoices line by line between the systems, rather than comparing totals.",
                "I found that refunds issued after midnight UTC were booked to the next day in the pipeline but to the original day in the ledger, so month ends drifted.",
                "I also found that mid-month upgrades were counted {twice|double}, because {two|separate} jobs both emitted a revenue event for them.",
                "I fixed both in the pipeline, rebuilt the last {two years|few years} of history and reran my match until the months agreed.",
                "I added a nightly reconciliation test that compares the totals and alerts the data channel if they differ by more than {0.1 %|a tiny margin}.",
            ],
            Result:
            [
                "Both figures agreed to within {0.1 %|a rounding error} for every month that followed, and finance retired the spreadsheet it had used to correct the dashboard.",
                "The board saw a single revenue figure for the first time in a year.",
            ],
            Lesson:
            [
                "I learned to compare records one by one before trusting any total, and I still start every data bug with a single day's raw rows.",
            ],
            MoreContext:
            [
                "The analytics pipeline had been built by a data team that was later merged into engineering, and its documentation stopped two years before.",
                "Finance closed the books from the ledger, but the sales team and the board looked at the dashboard, so every review meeting started with an argument about numbers.",
                "Each side had a theory: finance suspected late events, and the data team suspected manual corrections in the ledger.",
                "The gap was not constant, which made it hard to explain away, and it grew during months with promotions.",
                "Two earlier investigations had compared monthly totals, found nothing conclusive, and ended with a note to keep an eye on it.",
                "The company was preparing for an audit, and the auditors had already asked why the two reports differed.",
                "The pipeline ran a dozen jobs in sequence, and most of them had been written by people who had left.",
                "Nobody had access to both systems except a single analyst in finance, who was already overloaded.",
                "The subscription system allowed upgrades, downgrades and refunds at any time, and each of them produced events in a different format.",
                "The ledger was maintained by an accounting tool that engineers had no access to, so every comparison went through exported files.",
                "The head of finance had begun adding a footnote to every board report explaining that the figures could not be reconciled.",
            ],
            WouldActions:
            [
                "I would pick one month and compare the invoices line by line between the two systems.",
                "I'd look for timing differences such as refunds around midnight and for anything counted twice.",
                "I would fix what I find and add a nightly reconciliation test that alerts when the totals differ.",
            ],
            WouldResult:
            [
                "I'd expect the two figures to agree after that.",
            ]),

        new(
            "payments screen for a new market",
            "cross-team collaboration",
            Context:
            [
                "Our mobile app needed a new payments screen for a launch in Brazil, and the backend work sat with a team in another office with its own priorities.",
                "I was the mobile lead, and it was on me to get both halves ready for the same date.",
            ],
            Actions:
            [
                "I flew out to spend {two days|a couple of days} with the backend team, and I drafted the API contract with them on a whiteboard before anyone wrote code.",
                "I built the screen against a mock server generated from that contract, so my team didn't have to wait for the real endpoints.",
                "I set up a shared channel and a {15-minute|short} call {twice a week|every few days}, and I kept a single list of open questions at the top of it.",
                "When their team lost an engineer halfway through, I offered one of mine to write the refund endpoint under their review.",
                "I ran a full test payment with a real Brazilian card every day for the last {two weeks|stretch} so problems surfaced early.",
            ],
            Result:
            [
                "Both halves went out on the planned date, and the first week processed {11,000|plenty of} payments without a failed charge from our side.",
                "The backend team asked to reuse the contract-first setup for their next integration.",
            ],
            Lesson:
            [
                "Whenever I depend on another team now, I agree on the contract in person first, because it turns a vague dependency into something both sides can test.",
            ],
            MoreContext:
            [
                "The launch was the company's first outside Europe, and marketing had already booked campaigns for the week after.",
                "Brazilian payments need local methods such as instalments and bank slips, which neither team had built before.",
                "The backend team sat in a different office and had just been reorganised, so their manager was new and still setting priorities.",
                "Earlier integrations between our teams had gone badly, with the app waiting on endpoints that changed shape at the last minute.",
                "The payments provider's documentation was partly in Portuguese, and their sandbox behaved differently from production in a few ways.",
                "My own team had three engineers, and one of them was already committed to an accessibility project for the same quarter.",
                "The executive sponsor wanted a weekly status but had little time for detail, so updates had to be short.",
                "Legal was still reviewing the terms for the new market, which could change what the screen had to show.",
                "Nobody on my team spoke Portuguese.",
                "The app's existing payment screen was built for cards only and had a lot of logic that assumed a single payment step.",
                "The backend team had a separate release schedule, shipping once a fortnight, while we shipped the app weekly.",
                "Earlier that year a launch in a different market had slipped by a month because the two teams built against different assumptions.",
            ],
            WouldActions:
            [
                "I would visit the backend team and agree the API contract with them before anyone writes code.",
                "I'd build the screen against a mock server so my team isn't blocked.",
                "I would set up regular calls and test real payments every day near the end.",
            ],
            WouldResult:
            [
                "I'd expect both halves to be ready for the launch date.",
            ]),

        new(
            "harsh design reviews",
            "receiving feedback",
            Context:
            [
                "In a performance review, my manager told me that my design reviews were making people reluctant to bring ideas to me, which came as a shock.",
                "I decided to take it seriously and change how I ran reviews.",
            ],
            Actions:
            [
                "I asked {three|a few} colleagues who had been through my reviews for specific examples, and I wrote down what they said without arguing.",
                "I saw a clear pattern: I opened with problems and rarely said what was good, so people left feeling their work had been rejected.",
                "I changed my review template to start with what the design got right and to mark each concern as blocking or a suggestion.",
                "I started asking the author what kind of feedback they wanted before each review, and I kept my own comments to the top {three|few} concerns.",
                "After {two months|a while}, I asked the same colleagues to tell me honestly whether anything had changed.",
            ],
            Result:
            [
                "Review requests to me went {from 2 to 7 a month|from a trickle to a steady flow}, and {two|some} of them came from engineers who had never asked before.",
                "In my next review, my manager said the team now saw me as someone to go to early.",
            ],
            Lesson:
            [
                "I still use that template, and whenever I give feedback now, I start with what should stay before I get to what should change.",
            ],
            MoreContext:
            [
                "I had been promoted to staff engineer the year before, and design reviews were a big part of the new role.",
                "I thought of myself as direct but fair, and nobody had raised the issue with me in person.",
                "The team had grown quickly, and many of the newer engineers came from companies where reviews were gentler.",
                "A couple of people had started running their designs past other senior engineers instead, which I had noticed but not understood.",
                "My manager had collected the feedback from skip-level meetings and was careful not to say who had said what.",
                "I was also leading a large migration at the time and felt that I had little patience for long discussions.",
                "Our review process had no template, so every reviewer ran the meeting in their own way.",
                "Some designs took weeks to get through review, and a few were quietly dropped.",
                "My promotion case had been built partly on the quality of my reviews, so hearing this was hard.",
                "In my previous company, blunt reviews were seen as a sign of respect, and I had carried that habit with me.",
                "The engineers who avoided me were often the newer ones, which meant I was missing the ideas of the people with the freshest eyes.",
                "I had always scored well on technical quality, so the feedback was the first time my way of working with people had been questioned.",
            ],
            WouldActions:
            [
                "I would ask colleagues for specific examples and listen without arguing.",
                "I'd change my review template to start with what the design gets right.",
                "I would ask authors what feedback they want and keep my comments to the top concerns.",
            ],
            WouldResult:
            [
                "I'd hope people would start bringing me their designs earlier.",
            ]),

        new(
            "failed accessibility audit",
            "accessibility",
            Context:
            [
                "A public-sector client told us that our booking app had failed their accessibility audit, and they would cancel the contract unless it passed within a quarter.",
                "I volunteered to lead the fix, although I knew little about accessibility.",
            ],
            Actions:
            [
                "I ran the audit tool on every screen and then tested the {five|main} core flows myself with a screen reader, which found problems the tool had missed.",
                "I grouped the {212|many} issues by component and fixed the shared ones first, so that one change to the date picker repaired {dozens of|many} screens at once.",
                "I recruited {two|a couple of} screen reader users through a local charity and paid them to test each release.",
                "I added automated accessibility checks to our CI pipeline, so a new screen could not merge with a critical issue.",
                "I ran a lunch session for the rest of the team on keyboard navigation and labels.",
            ],
            Result:
            [
                "The app passed the re-audit {three weeks|weeks} before the deadline, and the client renewed.",
                "Over the next {six months|months}, bookings by screen reader users went {from about 40 a month to over 300|up considerably}.",
            ],
            Lesson:
            [
                "These days accessibility is part of my definition of done, and I test every new screen with a keyboard before I open a review.",
            ],
            MoreContext:
            [
                "The client ran appointment booking for local council services, and many of its users were older or had disabilities.",
                "The app had been built quickly during the pandemic by a contractor, and accessibility had never been part of the requirements.",
                "Our designers used colour alone to show available slots, and several screens could not be used without a mouse.",
                "The audit report was over eighty pages long and listed every failure against the guidelines, with no sense of priority.",
                "The contract was one of our largest, and losing it would have meant cutting the team that maintained the app.",
                "None of our engineers had used a screen reader before, and our test devices had never had one switched on.",
                "The client's own accessibility officer was blunt in meetings and had little faith that the fixes would arrive in time.",
                "Other clients used the same app under their own branding, so whatever changed affected them too.",
                "The app was used on old phones and shared library computers, so performance and simple layouts mattered as much as screen reader support.",
                "Our product roadmap for that quarter was already full of features the client had asked for the year before.",
                "There were no accessibility requirements in our design system, so every team had solved the same problems in different ways.",
            ],
            WouldActions:
            [
                "I would run an audit tool on every screen and test the core flows with a screen reader.",
                "I'd group the issues by component and fix the shared ones first.",
                "I would add accessibility checks to CI and ask real screen reader users to test each release.",
            ],
            WouldResult:
            [
                "I'd expect the app to pass the re-audit before the deadline.",
            ]),
    ];

    /// <summary>Short rambling answers: vague, unstructured, without figures; every strong answer must beat every one.</summary>
    public static readonly IReadOnlyList<(string Name, string Text)> Rambling =
    [
        ("conflict, vague",
            "Yeah, so conflict, I get along with most people honestly. There was this one time with a coworker where we didn't really see eye to eye on some stuff around the project. "
            + "We talked about it a bunch and things worked out in the end. I think communication is really important and I always try to listen. "
            + "So yeah, it was fine, we got it done and everyone was happy with it."),
        ("ownership, no example",
            "I take ownership of a lot of things. At my last job I was involved in pretty much everything, the backend, some frontend, deployments, all of that. "
            + "Whenever something broke I'd jump in and help out. People knew they could count on me. "
            + "I don't really have one specific example but that's just how I am, I care about the product and I go the extra mile."),
        ("failure, no detail",
            "A failure, hmm. I guess one time a release went badly, there were some bugs and customers were not happy. It was a stressful week for the team. "
            + "We fixed things eventually and we did a retro about it. I try to be more careful with testing and stuff like that. It was a good experience overall."),
        ("performance, unmeasured",
            "So the app was slow and we made it faster. There was a lot of back and forth about how to do it, different ideas from different people. "
            + "I did some profiling and looked into the database a bit. Eventually we changed a few things and it was much better, way faster really. "
            + "The users noticed and the manager was pleased."),
        ("ambiguity, general",
            "Ambiguity is something I deal with all the time honestly. Requirements are never clear, right, so you have to figure it out as you go. "
            + "I usually talk to people and try to understand what they want, and then I just start building something and iterate on it. "
            + "That's worked for me pretty well in most places I've been. I'm comfortable with it."),
        ("mentorship, generic",
            "I've mentored a few juniors over the years. I like helping people grow. Mostly I answer their questions and review their code and give them tips. "
            + "One of them is a senior now, which is great to see. I think being patient is the main thing, and being available when they need you."),
    ];
}
