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
}

/** A case just closed: its state and dates. */
export interface ClosedCaseView {
  id: string;
  status: string;
  openedAt: string;
  closedAt: string;
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
  role: "mediator" | "party" | "counsel" | "observer";
  side?: string;
}

export interface SessionView {
  id: string;
  caseId: string;
  status: "scheduled" | "live" | "ended" | string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
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

/** What a participant states before joining a session (design: "Attestations and consent"). */
export interface Attestations {
  /** The agreement version read and accepted now, or null when it was accepted before (once per case). */
  agreementVersion: number | null;
  noRecording: boolean;
  privateLocation: boolean;
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

  createCase(reference: string, title: string): Promise<CaseView> {
    return this.http.json("POST", "/api/cases", { reference, title });
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

  createSession(caseId: string): Promise<SessionView> {
    return this.http.json("POST", `/api/cases/${enc(caseId)}/sessions`);
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

  /** The court's agreement template (court-admin); 404 when none is published. */
  courtAgreement(): Promise<AgreementView> {
    return this.http.json("GET", "/api/court-agreement");
  }

  publishCourtAgreement(text: string): Promise<AgreementView> {
    return this.http.json("PUT", "/api/court-agreement", { text });
  }
}
