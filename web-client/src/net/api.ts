// The server's REST resources as typed calls (CaseResource, CaseSessionResource, SessionResource, TicketResource,
// MeResource). Shapes follow the server's view records.

import type { Http } from "./http";

export interface Me {
  subject: string;
  username: string;
  displayName: string;
  court: string | null;
  roles: string[];
}

export interface CaseView {
  id: string;
  court: string;
  reference: string;
  title: string;
  /** `open`, `closed` (no new sessions or invitations) or `purged` (its personal data removed). */
  status: "open" | "closed" | "purged" | string;
  openedAt: string;
  closedAt: string | null;
  purgedAt: string | null;
  /** `release_required` (the default) or `open_caucus`; fixed once a session of the case has started. */
  caucusPolicy?: string;
}

/** A case just closed: its state and dates. */
export interface ClosedCaseView {
  id: string;
  status: string;
  openedAt: string;
  closedAt: string;
}

/** One party's acknowledgement of the mediator's disclosure. */
export interface AcknowledgementView {
  participant: string;
  acknowledgedAt: string;
}

/**
 * The mediator's conflict-of-interest disclosure as a participant reads it. `acknowledgements` is listed for the
 * mediator only.
 */
export interface DisclosureView {
  disclosed: boolean;
  version: number | null;
  noneKnown: boolean | null;
  text: string | null;
  disclosedAt: string | null;
  acknowledgedByYou: boolean;
  acknowledgements: AcknowledgementView[] | null;
}

/** The court-admin's view of a disclosure: that it was made and acknowledged, and when; never its text. */
export interface CourtDisclosureView {
  disclosed: boolean;
  disclosedAt: string | null;
  acknowledgements: AcknowledgementView[];
  allPartiesAcknowledged: boolean;
}

export interface ParticipantView {
  id: string;
  displayName: string;
  email: string;
  role: string;
  side: string | null;
  linked: boolean;
}

export interface Invitation {
  email: string;
  displayName: string;
  role: "mediator" | "co_mediator" | "party" | "counsel" | "observer";
  side?: string;
}

export interface SessionView {
  id: string;
  caseId: string;
  status: "scheduled" | "live" | "ended" | string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  /** When the mediator plans to start it (an instant), and for how many minutes; null until set. */
  scheduledStart?: string | null;
  expectedMinutes?: number | null;
}

/** A session's planned start (an ISO instant with offset) and its expected length in minutes. */
export interface ScheduleRequest {
  scheduledStart: string;
  expectedMinutes: number;
}

/** What the mediator reports to the court about one session (UMA §7): nothing but these fields. */
export interface OutcomeRecording {
  held: boolean;
  ended: boolean;
  settlement: "full" | "partial" | "none" | "not_applicable";
  attendance: { participant: string; attended: boolean }[];
}

/** One session's outcome as the court reads it; `displayName` is null once the case's personal data is purged. */
export interface OutcomeReportView {
  session: string;
  held: boolean;
  ended: boolean;
  settlement: string;
  attendance: { participant: string; displayName: string | null; role: string; attended: boolean }[];
  recordedAt: string;
}

export interface IssuedTicket {
  ticket: string;
  expiresIn: number;
  subprotocol: string;
  ticketSubprotocol: string;
}

/** A confidentiality agreement as its readers see it: a versioned text and its SHA-256. */
export interface AgreementView {
  version: number;
  text: string;
  sha256: string;
}

/** What a participant still lacks before a ticket: `agreement`, `no_recording`, `private_location`. */
export interface AttestationStatus {
  missing: string[];
}

/** A third party of the case and the signed-in party's own consent to it. */
export interface OwnConsentView {
  thirdPartyId: string;
  displayName: string;
  role: string;
  consented: boolean | null;
  changedAt: string | null;
}

/** What a participant states before joining a session (design: "Attestations and consent"). */
export interface Attestations {
  /** The agreement version read and accepted now, or null when it was accepted before (once per case). */
  agreementVersion: number | null;
  noRecording: boolean;
  privateLocation: boolean;
}

/** What a signer sends: the typed name, the hash of the text it read, and whether to file it with the court. */
export interface SettlementSigning {
  name: string;
  textSha256: string;
  fileWithCourt: boolean;
}

/** The stored record of a session's settlement agreement: hash and signatures, never the text. */
export interface SettlementRecordView {
  textSha256: string;
  openedAt: string;
  completedAt: string | null;
  filed: boolean;
  signatures: { name: string; role: string; witness: boolean; signedAt: string; fileWithCourt: boolean }[];
}

const enc = encodeURIComponent;

export class Api {
  constructor(private readonly http: Http) {}

  me(): Promise<Me> {
    return this.http.json("GET", "/api/me");
  }

  cases(): Promise<CaseView[]> {
    return this.http.json("GET", "/api/cases");
  }

  createCase(reference: string, title: string, caucusPolicy?: string): Promise<CaseView> {
    return this.http.json("POST", "/api/cases", caucusPolicy ? { reference, title, caucusPolicy } : { reference, title });
  }

  /** Court-admin or the case's mediator, until a session started (`policy_locked` after). */
  setCaucusPolicy(caseId: string, caucusPolicy: string): Promise<CaseView> {
    return this.http.json("PUT", `/api/cases/${enc(caseId)}/caucus-policy`, { caucusPolicy });
  }

  /** The signed-in party's own consents, one per third party of the case (`consented` null: not said yet). */
  ownConsents(caseId: string): Promise<OwnConsentView[]> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/consents`);
  }

  /** Gives or withdraws this party's consent to one third party; a withdrawal moves them out of every room. */
  setConsent(caseId: string, thirdPartyId: string, consented: boolean): Promise<void> {
    return this.http.json("PUT", `/api/cases/${enc(caseId)}/consents/${enc(thirdPartyId)}`, { consented });
  }

  disclosure(caseId: string): Promise<DisclosureView> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/disclosure`);
  }

  courtDisclosure(caseId: string): Promise<CourtDisclosureView> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/disclosure`);
  }

  /** The mediator records its disclosure: the text, or none known (`disclosure_locked` once a session started). */
  recordDisclosure(caseId: string, disclosure: { text: string } | { noneKnown: true }): Promise<DisclosureView> {
    return this.http.json("PUT", `/api/cases/${enc(caseId)}/disclosure`, disclosure);
  }

  acknowledgeDisclosure(caseId: string, version: number): Promise<DisclosureView> {
    return this.http.json("POST", `/api/cases/${enc(caseId)}/disclosure/acknowledgement`, { version });
  }

  /** Closes the case (court-admin, or its mediator once its last session has ended). */
  closeCase(caseId: string): Promise<ClosedCaseView> {
    return this.http.json("POST", `/api/cases/${enc(caseId)}/closure`);
  }

  participants(caseId: string): Promise<ParticipantView[]> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/participants`);
  }

  invite(caseId: string, invitation: Invitation): Promise<ParticipantView> {
    const body = { ...invitation, side: invitation.side?.trim() ? invitation.side.trim() : undefined };
    return this.http.json("POST", `/api/cases/${enc(caseId)}/participants`, body);
  }

  removeParticipant(caseId: string, participantId: string): Promise<void> {
    return this.http.json("DELETE", `/api/cases/${enc(caseId)}/participants/${enc(participantId)}`);
  }

  sessions(caseId: string): Promise<SessionView[]> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/sessions`);
  }

  /** The mediator sets (or moves) the planned time of a session that has not started. */
  setSchedule(sessionId: string, schedule: ScheduleRequest): Promise<SessionView> {
    return this.http.json("PUT", `/api/sessions/${enc(sessionId)}/schedule`, schedule);
  }

  /** The session's iCalendar file (participants of its case only). */
  async calendar(sessionId: string): Promise<Blob> {
    const response = await this.http.binary("GET", `/api/sessions/${enc(sessionId)}/calendar.ics`, {
      Accept: "text/calendar",
    });
    return response.blob();
  }

  createSession(caseId: string): Promise<SessionView> {
    return this.http.json("POST", `/api/cases/${enc(caseId)}/sessions`);
  }

  /** Signs the session's settlement agreement; the caller has just signed in again (a fresh `auth_time`). */
  signSettlement(sessionId: string, signing: SettlementSigning): Promise<unknown> {
    return this.http.json("POST", `/api/sessions/${enc(sessionId)}/settlement/signature`, signing);
  }

  /** The record of a session's agreement; the court-admin gets null (204) unless every party filed it. */
  async settlementRecord(sessionId: string): Promise<SettlementRecordView | null> {
    return (await this.http.json<SettlementRecordView | undefined>("GET", `/api/sessions/${enc(sessionId)}/settlement`)) ?? null;
  }

  /** The case's mediator records (or replaces) a session's outcome. */
  recordOutcome(sessionId: string, outcome: OutcomeRecording): Promise<void> {
    return this.http.json("PUT", `/api/sessions/${enc(sessionId)}/outcome`, outcome);
  }

  /** The outcome reports of a case's sessions (its court's admin, its mediator). */
  outcomes(caseId: string): Promise<OutcomeReportView[]> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/outcomes`);
  }

  ticket(sessionId: string): Promise<IssuedTicket> {
    return this.http.json("POST", `/api/sessions/${enc(sessionId)}/ticket`);
  }

  /** The case's confidentiality agreement (the court's template, copied into the case on first use). */
  agreement(caseId: string): Promise<AgreementView> {
    return this.http.json("GET", `/api/cases/${enc(caseId)}/agreement`);
  }

  /** Accepts exactly the version read; a newer version on the server is refused (`agreement_version_mismatch`). */
  acceptAgreement(caseId: string, version: number): Promise<AgreementView> {
    return this.http.json("POST", `/api/cases/${enc(caseId)}/agreement/acceptance`, { version });
  }

  attestationStatus(sessionId: string): Promise<AttestationStatus> {
    return this.http.json("GET", `/api/sessions/${enc(sessionId)}/attestation`);
  }

  attest(sessionId: string, noRecording: boolean, privateLocation: boolean): Promise<AttestationStatus> {
    return this.http.json("POST", `/api/sessions/${enc(sessionId)}/attestation`, { noRecording, privateLocation });
  }

  /** The court's agreement template (court-admin); null (204) when none is published. */
  async courtAgreement(): Promise<AgreementView | null> {
    return (await this.http.json<AgreementView | undefined>("GET", "/api/court-agreement")) ?? null;
  }

  publishCourtAgreement(text: string): Promise<AgreementView> {
    return this.http.json("PUT", "/api/court-agreement", { text });
  }
}
