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
  status: string;
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

/** What a participant attests before joining a session (design: "Attestations and consent"). */
export interface Attestations {
  agreementAccepted: boolean;
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

  /**
   * Records this session's attestations. The server has no endpoint for them yet (a ticket is issued without
   * them), so this only checks that all three were given; when the endpoint lands, this is the one place to call it.
   */
  async attest(sessionId: string, attestations: Attestations): Promise<void> {
    if (!sessionId || !attestations.agreementAccepted || !attestations.noRecording || !attestations.privateLocation) {
      throw new Error("All three statements are needed to join.");
    }
  }
}
