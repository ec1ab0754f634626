import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, NO_ROLES } from "../../src/config.js";
import { createAuthorize, type GroupMembers, type SlackAction } from "../../src/slack/authorize.js";
import { cachedGroupMembers, GROUP_CACHE_MS } from "../../src/slack/user-groups.js";
import { marketingFramework } from "../support/frameworks.js";
import { seedSuccession } from "../support/succession.js";
import {
  buttonLabelled,
  buttons,
  drive,
  roles,
  type SlackHarness,
  startSlackHarness,
  visibleText,
} from "./harness.js";

const SUMMARY =
  "Eight years in media relations and communication at a PR agency. Pitched stories to national journalists, wrote the content strategy for three clients, and led a press office team of five.";

const ALL_ACTIONS: SlackAction[] = [
  "show_profile",
  "search_profiles",
  "compare_profiles",
  "assess_fit",
  "match_candidate",
  "view_assessment",
  "keep_assessment_ratings",
  "list_successors",
  "person_gaps",
];

describe("role configuration", () => {
  it("reads Slack user ids and user group ids from ROLE_*, comma- or space-separated", () => {
    const config = loadConfig({
      ROLE_RECRUITERS: "U01AAA, W02BBB,S03TEAM",
      ROLE_HR: " UHR1  SHRGROUP ",
      ROLE_ADMINS: "",
    });
    expect(config.roles).toEqual({
      recruiters: { users: ["U01AAA", "W02BBB"], groups: ["S03TEAM"] },
      hr: { users: ["UHR1"], groups: ["SHRGROUP"] },
      admins: { users: [], groups: [] },
      configured: true,
    });
  });

  it("is unconfigured when no ROLE_* variable is set, or all are blank", () => {
    expect(loadConfig({}).roles).toEqual(NO_ROLES);
    expect(loadConfig({ ROLE_RECRUITERS: " ", ROLE_HR: "", ROLE_ADMINS: "," }).roles.configured).toBe(false);
  });

  it("refuses an entry that is not a Slack id, naming the variable and the entry", () => {
    expect(() => loadConfig({ ROLE_HR: "UHR1,maya@example.com" })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLE_HR: "UHR1,maya@example.com" })).toThrow(
      /ROLE_HR: "maya@example.com" is not a Slack user id \(U…, W…\) or user group id \(S…\)/,
    );
  });
});

describe("the access policy", () => {
  const groups =
    (members: Record<string, string[]>, calls: string[] = []): GroupMembers =>
    async (group) => {
      calls.push(group);
      const users = members[group];
      if (!users) throw new Error("unreachable");
      return new Set(users);
    };
  const allowedFor = async (authorize: ReturnType<typeof createAuthorize>, user: string) => {
    const allowed: SlackAction[] = [];
    for (const action of ALL_ACTIONS) if ((await authorize(user, action)) === "allowed") allowed.push(action);
    return allowed;
  };

  it("without roles, lets everyone look up profiles and assess candidates, and keeps succession closed", async () => {
    const authorize = createAuthorize(NO_ROLES, groups({}));
    expect(await allowedFor(authorize, "UANYONE")).toEqual([
      "show_profile",
      "search_profiles",
      "compare_profiles",
      "assess_fit",
      "match_candidate",
      "view_assessment",
    ]);
  });

  it("with roles, opens each action to its role only, and everything to admins", async () => {
    const authorize = createAuthorize(
      roles({ recruiters: ["UREC"], hr: ["UHR"], admins: ["UADMIN"] }),
      groups({}),
    );
    const profiles = ["show_profile", "search_profiles", "compare_profiles"];
    expect(await allowedFor(authorize, "UANYONE")).toEqual(profiles);
    expect(await allowedFor(authorize, "UREC")).toEqual([
      ...profiles,
      "assess_fit",
      "match_candidate",
      "view_assessment",
      "keep_assessment_ratings",
    ]);
    expect(await allowedFor(authorize, "UHR")).toEqual([...profiles, "list_successors", "person_gaps"]);
    expect(await allowedFor(authorize, "UADMIN")).toEqual(ALL_ACTIONS);
  });

  it("finds members of user groups, asking Slack only when the user is not listed by id", async () => {
    const calls: string[] = [];
    const authorize = createAuthorize(
      roles({ recruiters: ["UREC", "SRECRUIT"], admins: ["SADMINS"] }),
      groups({ SRECRUIT: ["UGROUPIE"], SADMINS: ["UBOSS"] }, calls),
    );
    expect(await authorize("UREC", "assess_fit")).toBe("allowed");
    expect(calls).toEqual([]);
    expect(await authorize("UGROUPIE", "assess_fit")).toBe("allowed");
    expect(await authorize("UBOSS", "list_successors")).toBe("allowed");
    expect(await authorize("UGROUPIE", "list_successors")).toBe("denied");
    expect(await authorize("UOTHER", "assess_fit")).toBe("denied");
  });

  it("refuses as unavailable when a group that could hold the user cannot be listed", async () => {
    const authorize = createAuthorize(
      roles({ recruiters: ["SREACHABLE", "SDOWN"] }),
      groups({ SREACHABLE: ["UFOUND"] }),
    );
    expect(await authorize("UOTHER", "assess_fit")).toBe("unavailable");
    // Membership found in a group Slack did list is enough.
    expect(await authorize("UFOUND", "assess_fit")).toBe("allowed");
  });
});

describe("user group members", () => {
  it("are cached for five minutes; a failed lookup is not, and lookups in flight are shared", async () => {
    let now = 0;
    let calls = 0;
    let failing = false;
    const members = cachedGroupMembers(
      {
        usergroups: {
          users: {
            list: async () => {
              calls += 1;
              if (failing) throw new Error("ratelimited");
              return { users: [`U${calls}`] };
            },
          },
        },
      },
      { now: () => now },
    );
    const [a, b] = await Promise.all([members("S1"), members("S1")]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    now = GROUP_CACHE_MS - 1;
    expect([...(await members("S1"))]).toEqual(["U1"]);
    expect(calls).toBe(1);
    now = GROUP_CACHE_MS;
    failing = true;
    await expect(members("S1")).rejects.toThrow("ratelimited");
    failing = false;
    expect([...(await members("S1"))]).toEqual(["U3"]);
  });
});

describe("access in Slack, with roles configured", () => {
  let h: SlackHarness;
  let slack: ReturnType<typeof drive>;
  beforeAll(async () => {
    h = await startSlackHarness({
      frameworks: [marketingFramework("marketing")],
      roles: roles({
        recruiters: ["URECRUITER", "SRECRUIT"],
        hr: ["UHR"],
        admins: ["UADMIN"],
      }),
    });
    h.fake.userGroups.set("SRECRUIT", ["UGROUPIE"]);
    await seedSuccession(h.db);
    slack = drive(h);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const assessments = () => h.db.prisma.assessment.count();
  const REFUSED_FIT =
    "You don't have access to candidate fit assessments. Ask your competency-bot admin to add you to the recruiters role (ROLE_RECRUITERS).";

  it("answers a slash command for the role, and refuses anyone else privately, with an audit record", async () => {
    const before = await assessments();
    const refused = await slack.command(`fit Media Relations Specialist: ${SUMMARY}`, "UOTHER");
    expect(refused.body.response_type).toBe("ephemeral");
    expect(visibleText(refused.body.blocks)).toBe(`⛔ ${REFUSED_FIT}`);
    expect(await assessments()).toBe(before);
    expect(await slack.audits({ actor: "UOTHER", outcome: "denied" })).toEqual([
      expect.objectContaining({ action: "assess_fit", target: "", detail: { reason: "no_role" } }),
    ]);

    const allowed = await slack.command(`fit Media Relations Specialist: ${SUMMARY}`, "URECRUITER");
    expect(visibleText(allowed.body.blocks)).toContain("Assessing the candidate");
    const answer = await slack.firstPost(allowed.responseUrl);
    expect(visibleText(answer.blocks)).toContain("Candidate fit: Media Relations Specialist");
    expect(await assessments()).toBe(before + 1);
  });

  it("lets members of a user group in, as Slack lists them", async () => {
    const { body } = await slack.command("match", "UGROUPIE");
    expect(body).toEqual({});
    expect(h.fake.callsTo("usergroups.users.list").map((call) => call.args.usergroup)).toContain("SRECRUIT");
    await h.fake.waitFor(() =>
      h.fake
        .callsTo("views.open")
        .some((call) => (call.args.view as { callback_id?: string }).callback_id === "match_modal"),
    );
  });

  it("refuses a submitted form: the form closes and the refusal comes privately", async () => {
    const opened = h.fake.callsTo("views.open").length;
    await slack.command("fit Media Relations Specialist", "URECRUITER");
    const view = await slack.openedView(opened);
    const before = await assessments();
    const values = { summary: { summary_input: { type: "plain_text_input", value: SUMMARY } } };
    const { status, body } = await slack.submit(view, values, "UOTHER");
    expect(status).toBe(200);
    expect(body).toEqual({});
    const responseUrl = JSON.parse(view.private_metadata ?? "{}").responseUrl as string;
    const refusal = await slack.firstPost(responseUrl);
    expect(refusal.response_type).toBe("ephemeral");
    expect(visibleText(refusal.blocks)).toContain(REFUSED_FIT);
    expect(await assessments()).toBe(before);
  });

  it("checks again whoever presses a button, such as a picker forwarded to someone without the role", async () => {
    const { body } = await slack.command(`fit Relations Boss: ${SUMMARY}`, "URECRUITER");
    const choose = buttons(body.blocks).find((button) => button.action_id === "choose_profile");
    if (!choose) throw new Error("no picker");
    const before = await assessments();
    const url = await slack.press(choose, "UOTHER", false);
    const refusal = await slack.firstPost(url);
    expect(refusal).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(visibleText(refusal.blocks)).toContain(REFUSED_FIT);
    expect(await assessments()).toBe(before);
  });

  it("refuses a mention privately, with nothing posted in the thread", async () => {
    const before = { assessments: await assessments(), thread: h.fake.callsTo("chat.postMessage").length };
    const ephemeral = h.fake.callsTo("chat.postEphemeral").length;
    await slack.mention(
      `<@UBOT> how does this candidate fit Media Relations Specialist? ${SUMMARY}`,
      "UOTHER",
    );
    await h.fake.waitFor(() => h.fake.callsTo("chat.postEphemeral").length > ephemeral);
    const posted = h.fake.callsTo("chat.postEphemeral").at(-1)?.args as Record<string, unknown>;
    expect(posted).toMatchObject({ channel: "C3", user: "UOTHER" });
    expect(visibleText(posted.blocks)).toContain(REFUSED_FIT);
    expect(h.fake.callsTo("chat.postMessage").length).toBe(before.thread);
    expect(await assessments()).toBe(before.assessments);
  });

  it("opens no form from the message shortcut for someone without the role", async () => {
    const opened = h.fake.callsTo("views.open").length;
    const responseUrl = h.fake.responseUrl();
    await slack.interact({
      type: "message_action",
      callback_id: "assess_candidate_fit",
      trigger_id: "trigger-shortcut-denied",
      message_ts: "1700000000.000200",
      response_url: responseUrl,
      message: { type: "message", user: "U9", ts: "1700000000.000200", text: SUMMARY },
      user: { id: "UOTHER", name: "someone", team_id: "T1" },
      channel: { id: "C7", name: "candidates" },
      team: { id: "T1", domain: "test" },
      token: "legacy",
      action_ts: "1700000000.3",
    });
    const refusal = await slack.firstPost(responseUrl);
    expect(visibleText(refusal.blocks)).toContain(REFUSED_FIT);
    expect(h.fake.callsTo("views.open").length).toBe(opened);
  });

  it("shows on the Home tab only what each user may use", async () => {
    const other = visibleText(await slack.home("UOTHER"));
    const recruiter = visibleText(await slack.home("URECRUITER"));
    const hr = visibleText(await slack.home("UHR"));
    const admin = visibleText(await slack.home("UADMIN"));

    expect(other).toContain("/profile compare <title A> vs <title B>");
    for (const hidden of [
      "Your recent assessments",
      "Assess a candidate",
      "/profile fit",
      "successors",
      "gaps",
    ])
      expect(other).not.toContain(hidden);

    expect(recruiter).toContain("Your recent assessments");
    expect(recruiter).toMatch(/Media Relations Specialist\* \(marketing\) — \*\d+ \/ 100\*/);
    expect(recruiter).toContain("Assess a candidate");
    expect(recruiter).not.toContain("successors");

    expect(hr).toContain("/profile successors <title> | @person");
    expect(hr).toContain("/profile gaps @person <title>");
    expect(hr).not.toContain("Your recent assessments");
    expect(hr).not.toContain("Assess a candidate");

    for (const shown of [
      "Your recent assessments",
      "Assess a candidate",
      "/profile successors",
      "/profile gaps",
    ])
      expect(admin).toContain(shown);
  });

  it("says the same to everyone refused a successor list, whoever or whatever they asked about", async () => {
    const asked = [
      "successors Team Lead",
      "successors No Such Role At All",
      "successors <@ULENA|lena>",
      "successors <@UNOBODY|nobody>",
      "gaps <@UXAVIER|xavier> Team Lead",
      "gaps <@UNOBODY> Team Lead",
    ];
    const answers = await Promise.all(asked.map((text) => slack.command(text, "URECRUITER")));
    const texts = answers.map((answer) => JSON.stringify(answer.body));
    const successors = texts.slice(0, 4);
    const gaps = texts.slice(4);
    expect(new Set(successors).size).toBe(1);
    expect(new Set(gaps).size).toBe(1);
    expect(visibleText(answers[0]?.body.blocks)).toBe(
      "⛔ You don't have access to successor lists. Ask your competency-bot admin to add you to the HR and managers role (ROLE_HR).",
    );
    for (const text of texts)
      for (const leak of ["Lena", "Xavier", "Team Lead", "acme"]) expect(text).not.toContain(leak);
    const denied = await slack.audits({ actor: "URECRUITER", outcome: "denied" });
    expect(denied.map((record) => `${record.action} ${JSON.stringify(record.target)}`).sort()).toEqual([
      ...Array(4).fill('list_successors ""'),
      ...Array(2).fill('person_gaps ""'),
    ]);
  });

  it("lets an admin do what every role does", async () => {
    const successors = await slack.command("successors Team Lead", "UADMIN");
    expect(visibleText(successors.body.blocks)).toContain("Successors: Team Lead");
    const fit = await slack.command(`fit Media Relations Specialist: ${SUMMARY}`, "UADMIN");
    const answer = await slack.firstPost(fit.responseUrl);
    expect(buttonLabelled(answer.blocks, "Keep as ratings of a person…")).toBeTruthy();
  });
});

describe("access when Slack cannot list a user group", () => {
  let h: SlackHarness;
  let slack: ReturnType<typeof drive>;
  beforeAll(async () => {
    h = await startSlackHarness({ roles: roles({ hr: ["SHRTEAM"] }) });
    h.fake.userGroups.set("SHRTEAM", ["UHRMEMBER"]);
    slack = drive(h);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("shows on the Home tab nothing the unlisted group would grant, and says why", async () => {
    h.fake.failNext("usergroups.users.list", "ratelimited");
    const home = visibleText(await slack.home("UHRMEMBER"));
    expect(home).toContain("could not be checked with Slack just now");
    expect(home).not.toContain("successors");
  });

  it("refuses (fail closed) with a try-again message and an audit record, then lets the member in once Slack answers", async () => {
    h.fake.failNext("usergroups.users.list", "ratelimited");
    const refused = await slack.command("successors Marketing Manager", "UHRMEMBER");
    expect(visibleText(refused.body.blocks)).toBe(
      "⚠️ I could not check your access with Slack just now, so nothing was done. Please try again in a minute.",
    );
    expect(await slack.audits({ actor: "UHRMEMBER" })).toEqual([
      expect.objectContaining({
        action: "list_successors",
        outcome: "denied",
        detail: { reason: "roles_unavailable" },
      }),
    ]);
    const allowed = await slack.command("successors Marketing Manager", "UHRMEMBER");
    expect(visibleText(allowed.body.blocks)).toContain("Successors: Marketing Manager");
  });
});

describe("access on a fresh install (no ROLE_* variable)", () => {
  let h: SlackHarness;
  let slack: ReturnType<typeof drive>;
  beforeAll(async () => {
    h = await startSlackHarness();
    slack = drive(h);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("lets anyone assess candidates, keeps succession and keeping ratings closed, and says so at start", async () => {
    expect(h.deps.accessNotice).toContain("No ROLE_* variable is set");
    const fit = await slack.command(`fit Media Relations Specialist: ${SUMMARY}`, "UANYONE");
    const answer = await slack.firstPost(fit.responseUrl);
    expect(buttons(answer.blocks).map((button) => button.text.text)).not.toContain(
      "Keep as ratings of a person…",
    );
    const successors = await slack.command("successors Marketing Manager", "UANYONE");
    expect(visibleText(successors.body.blocks)).toContain("add you to the HR and managers role (ROLE_HR)");
    expect(h.fake.callsTo("usergroups.users.list")).toEqual([]);
  });
});
