// The smallest server side of a WebSocket that Slack's Socket Mode client needs: the upgrade
// handshake, unfragmented text frames, ping/pong and close. For the fake Slack API only.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** One unfragmented, unmasked server frame. */
export function webSocketFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length]);
  } else if (length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Accept a WebSocket upgrade and read the client's (masked) frames: text goes to `onText`, pings are answered. */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  onText: (text: string) => void,
): void {
  const key = request.headers["sec-websocket-key"] ?? "";
  const accept = createHash("sha1").update(`${key}${WEBSOCKET_GUID}`).digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  let buffered = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const opcode = buffered.readUInt8(0) & 0x0f;
      const second = buffered.readUInt8(1);
      let length = second & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (second & 0x80) !== 0;
      const mask = masked ? buffered.subarray(offset, offset + 4) : null;
      offset += masked ? 4 : 0;
      if (buffered.length < offset + length) return;
      const payload = Buffer.from(buffered.subarray(offset, offset + length));
      if (mask)
        for (let i = 0; i < payload.length; i += 1)
          payload.writeUInt8(payload.readUInt8(i) ^ mask.readUInt8(i % 4), i);
      buffered = buffered.subarray(offset + length);
      if (opcode === 0x1) onText(payload.toString("utf8"));
      else if (opcode === 0x9) socket.write(webSocketFrame(0xa, payload));
      else if (opcode === 0x8) {
        socket.end(webSocketFrame(0x8, payload.subarray(0, 2)));
        return;
      }
    }
  });
  socket.on("error", () => socket.destroy());
}
