// A consumer of the generated types package, compiled with `tsc --strict` by
// test/types/types.test.ts against each edition's package. "mxspec-types" is
// replaced with the package's real name before compiling.
import type { EventContentMap, FederationApi, RoomEvent, RpcName, UserId, RoomId, EventId, MxcUri } from 'mxspec-types';
import type { paths } from 'mxspec-types/paths';

// ---- A client typed against the RPC map.
type Transport = (method: string, path: string, body: unknown) => Promise<unknown>;

export function makeClient(send: Transport) {
  return async function call<K extends RpcName>(
    rpc: K,
    http: FederationApi[K]['http'],
    request: FederationApi[K]['request'],
  ): Promise<FederationApi[K]['response']> {
    if (http === null) throw new Error(`${rpc} has no HTTP binding`);
    const path = http.path.replace(/\{(\w+)\}/g, (_: string, field: string) => encodeURIComponent(String((request as Record<string, unknown>)[field])));
    return (await send(http.method, path, request)) as FederationApi[K]['response'];
  };
}

// A server handler table: one function per RPC, checked for completeness.
export type Handlers = { [K in RpcName]: (req: FederationApi[K]['request']) => Promise<FederationApi[K]['response']> };

export type SendTransactionErrors = FederationApi['sendTransaction']['errors'];
const forbidden: SendTransactionErrors = 'M_FORBIDDEN';
export { forbidden };

// ---- Narrowing an event union on `type` gives the content type.
export function describe(event: RoomEvent): string {
  switch (event.type) {
    case 'm.room.member': {
      // The envelope's own fields keep their types next to the narrowed ones.
      const sender: UserId = event.sender;
      const when: number = event.origin_server_ts;
      if (sender === event.state_key && when > 0) return 'self';
      const who: UserId = event.state_key;
      const membership: EventContentMap['m.room.member']['membership'] = event.content.membership;
      return `${who} ${membership}`;
    }
    case 'm.room.create': {
      const empty: '' = event.state_key;
      return `created${empty}, version ${event.content.room_version ?? '1'}`;
    }
    case 'm.room.message':
      // Narrowing on msgtype too.
      if (event.content.msgtype === 'm.text') return event.content.body;
      return event.content.msgtype;
    default:
      return event.type;
  }
}

// @ts-expect-error - a member event's state key is a user ID, not any string.
export const badMember: RoomEvent<'m.room.member'>['state_key'] = 'not-a-user';

// ---- Identifiers are template-literal types.
export const alice: UserId = '@alice:example.org';
export const room: RoomId = '!abc:example.org';
export const eventId: EventId = '$abc';
export const avatar: MxcUri = 'mxc://example.org/abc';
// @ts-expect-error - a user ID starts with @ and has a server name.
export const notAUser: UserId = 'alice';

// ---- Building a request for an HTTP path with openapi-typescript's types.
type SendOperation = paths['/_matrix/federation/v1/send/{txnId}']['put'];
export const sendParams: SendOperation['parameters']['path'] = { txnId: '1735689600000.1' };
export const sendBody: SendOperation['requestBody']['content']['application/json'] = {
  origin: 'example.org',
  origin_server_ts: 1735689600000,
  pdus: [],
};
// The same body is the RPC map's HTTP body.
export const sameBody: FederationApi['sendTransaction']['http']['body'] = sendBody;
export type SendOk = SendOperation['responses'][200]['content']['application/json'];
export const ok: SendOk = { pdus: {} };
