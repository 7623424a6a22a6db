import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./test-env-port.ts";

export const DOVECOT = process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot";

export type ImapServer = {
  /** For IMAP_URL: plaintext IMAP on loopback (the fixture has no certificate). */
  url: string;
  /** Puts a raw RFC 5322 message into the organiser's INBOX, as a mail server delivering it would. */
  deliver(raw: string): Promise<void>;
  /** UIDs of the INBOX messages and whether each is \Seen. */
  inbox(): Promise<{ uid: number; seen: boolean }[]>;
  close(): Promise<void>;
};

/** Dovecot refuses to run its services as root: under root the fixture runs as `nobody`. */
function unprivilegedUser() {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username, uid: process.getuid!(), gid: process.getgid!() };
  const id = (flag: string) => Number(spawnSync("id", [flag, "nobody"], { encoding: "utf8" }).stdout.trim());
  const group = spawnSync("id", ["-gn", "nobody"], { encoding: "utf8" }).stdout.trim();
  return { name: "nobody", uid: id("-u"), gid: id("-g"), group };
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("data", (d) => done(d.toString().startsWith("* OK")));
    socket.once("error", () => done(false));
  });
}

/**
 * A real IMAP server (Debian's dovecot-imapd) on a free loopback port, as an unprivileged process
 * with its own configuration in a temporary directory: one passwd-file user, Maildir storage,
 * plaintext log-in allowed (loopback only). Returns null when dovecot is not installed.
 */
export async function startImapServer(): Promise<ImapServer | null> {
  if (!fs.existsSync(DOVECOT)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mieux-imap-"));
  const user = unprivilegedUser();
  const group = "group" in user ? user.group : (spawnSync("id", ["-gn"], { encoding: "utf8" }).stdout.trim() || String(user.gid));
  const port = await freePort();
  const pass = crypto.randomBytes(12).toString("hex");
  const conf = path.join(dir, "dovecot.conf");
  fs.writeFileSync(path.join(dir, "passwd"), `organiser:{PLAIN}${pass}:${user.uid}:${user.gid}::${dir}/home\n`);
  fs.writeFileSync(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${user.name}
default_internal_group = ${group}
default_login_user = ${user.name}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  for (const sub of ["run", "state", "mail", "home"]) fs.mkdirSync(path.join(dir, sub));
  if (process.getuid?.() === 0) spawnSync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);
  fs.chmodSync(dir, 0o755);

  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", conf], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await greets(port))) {
    if (child.exitCode != null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, "dovecot.log")) ? fs.readFileSync(path.join(dir, "dovecot.log"), "utf8") : "";
      child.kill();
      throw new Error(`dovecot did not start on 127.0.0.1:${port}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const connect = async () => {
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: "organiser", pass }, logger: false });
    await client.connect();
    return client;
  };
  return {
    url: `imap://organiser:${pass}@127.0.0.1:${port}/INBOX`,
    async deliver(raw) {
      const client = await connect();
      try {
        await client.append("INBOX", raw);
      } finally {
        await client.logout();
      }
    },
    async inbox() {
      const client = await connect();
      try {
        const lock = await client.getMailboxLock("INBOX");
        try {
          const rows: { uid: number; seen: boolean }[] = [];
          for await (const m of client.fetch("1:*", { uid: true, flags: true })) rows.push({ uid: m.uid, seen: m.flags?.has("\\Seen") ?? false });
          return rows;
        } finally {
          lock.release();
        }
      } catch {
        return [];
      } finally {
        await client.logout();
      }
    },
    async close() {
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
