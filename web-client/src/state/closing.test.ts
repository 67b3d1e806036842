import { describe, expect, it } from "vitest";
import { closeRefusal, mediatorMayClose } from "./closing";

describe("the mediator's closing of a case", () => {
  it("is offered once every session of an open case has ended", () => {
    expect(mediatorMayClose({ status: "open" }, [{ status: "ended" }, { status: "ended" }])).toBe(true);
  });

  it("is not offered while a session is scheduled or live, nor before any session", () => {
    expect(mediatorMayClose({ status: "open" }, [{ status: "ended" }, { status: "scheduled" }])).toBe(false);
    expect(mediatorMayClose({ status: "open" }, [{ status: "live" }])).toBe(false);
    expect(mediatorMayClose({ status: "open" }, [])).toBe(false);
  });

  it("is not offered for a case already closed or purged", () => {
    expect(mediatorMayClose({ status: "closed" }, [{ status: "ended" }])).toBe(false);
    expect(mediatorMayClose({ status: "purged" }, [{ status: "ended" }])).toBe(false);
  });

  it("explains each refusal in a sentence", () => {
    expect(closeRefusal("session_not_ended")).toBe("The case cannot be closed yet: its last session has not ended.");
    expect(closeRefusal("session_still_live")).toContain("while one of its sessions is live");
    expect(closeRefusal("case_closed")).toBe("This case is already closed.");
    expect(closeRefusal("forbidden")).toContain("Only the court-admin or the case's mediator");
    expect(closeRefusal("something_new")).toBe("The case could not be closed. Please try again later.");
    expect(closeRefusal(undefined)).toBe("The case could not be closed. Please try again later.");
  });
});
