import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { explainError, hasSentence } from "./errors";

// The server's sources are the list of codes: a code added there without a sentence here fails this test.
const java = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../src/main/java/org/parley");

function javaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return javaFiles(full);
    return name.endsWith(".java") ? [full] : [];
  });
}

/** The wire codes of an enum written as `NAME("code")`. */
function enumCodes(file: string): string[] {
  return [...readFileSync(path.join(java, file), "utf8").matchAll(/^\s+[A-Z_]+\("([a-z_]+)"\)/gm)].map((m) => m[1]);
}

/** Every code a REST refusal is built with: literal, or a `static final String` constant of the same file. */
function restCodes(): { codes: string[]; unresolved: string[] } {
  const codes = new Set<string>();
  const unresolved: string[] = [];
  for (const file of javaFiles(java)) {
    const text = readFileSync(file, "utf8");
    const constants = new Map(
      [...text.matchAll(/static final String ([A-Z_]+) = "([a-z_]+)"/g)].map((m) => [m[1], m[2]] as const),
    );
    for (const m of text.matchAll(/(?:conflict\(|new ApiException\(\d+,\s*|problem\(\d+,\s*)(?:"([a-z_]+)"|([A-Z_]+)\b)/g)) {
      const code = m[1] ?? constants.get(m[2]);
      if (code) codes.add(code);
      else unresolved.push(`${path.relative(java, file)}: ${m[2]}`);
    }
  }
  return { codes: [...codes].sort(), unresolved };
}

/** The upgrade refusals the ticket check answers with. */
function upgradeCodes(): string[] {
  const text = readFileSync(path.join(java, "ticket/auth/TicketAuthenticationMechanism.java"), "utf8");
  return [...text.matchAll(/static final String [A-Z_]+ = "([a-z_]+)";/g)].map((m) => m[1]);
}

describe("every error code the client can receive has a sentence", () => {
  const room = enumCodes("room/domain/ErrorCode.java");
  const tickets = enumCodes("ticket/TicketRefusal.java");
  const rest = restCodes();
  const upgrades = upgradeCodes();

  it("finds the server's codes", () => {
    expect(room).toContain("attestation_required");
    expect(room.length).toBeGreaterThanOrEqual(20);
    expect(tickets).toContain("ticket_replayed");
    expect(rest.codes).toContain("display_name_taken");
    expect(rest.codes).toContain("session_still_live");
    expect(rest.unresolved).toEqual([]);
    expect(upgrades).toEqual(expect.arrayContaining(["too_many_upgrades", "origin_refused", "no_such_room", "shutting_down"]));
  });

  it.each([...new Set([...room, ...tickets, ...rest.codes, ...upgrades])].sort())("%s", (code) => {
    expect(hasSentence(code)).toBe(true);
    const sentence = explainError(code);
    expect(sentence).not.toBe("The request was refused.");
    expect(sentence).toMatch(/^[A-Z].*[.]$/);
    expect(sentence).not.toContain("_");
  });

  it("falls back by status, then to a general sentence, and never echoes the code", () => {
    expect(explainError("http_503")).toBe("The server had a problem. Please try again in a moment.");
    expect(explainError("http_404")).toBe("That does not exist, or you may not see it.");
    expect(explainError("something_new")).toBe("The request was refused.");
    expect(hasSentence("something_new")).toBe(false);
  });
});
