import type { Namespace } from "socket.io";
import type { SocketData } from "./auth.ts";

/** `session:whoami` on the default namespace: lets a page (and tests) see who the socket is. */
export function registerSessionEvents(nsp: Namespace) {
  nsp.on("connection", (socket) => {
    socket.on("session:whoami", (ack: unknown) => {
      if (typeof ack !== "function") return;
      const user = (socket.data as SocketData).user;
      ack({ ok: true, user: user ? { id: user.id, name: user.name, role: user.role } : null });
    });
  });
}
