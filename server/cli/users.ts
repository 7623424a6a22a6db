import { createUser, setUserRole } from "#app/modules/auth/accounts.server.ts";
import { isRole, ROLES } from "#app/modules/auth/roles.ts";
import { generateToken } from "#app/modules/auth/tokens.server.ts";
import { prisma } from "#app/utils/db.server.ts";
import { CliError, requireFlag, type CliCommand } from "./types.ts";
import { nameField } from "#app/modules/auth/auth.schema.ts";

export const userCreate: CliCommand = {
  name: "user:create",
  usage: "user:create --email <email> --name <name> --role <role> [--password <password>] [--country XX] [--institution <text>]",
  summary: "Create a verified account (e.g. the first organiser). Without --password a strong one is generated and printed.",
  async run(args) {
    const email = requireFlag(args, "email").toLowerCase();
    const parsedName = nameField.safeParse(requireFlag(args, "name"));
    if (!parsedName.success) throw new CliError(`--name: ${parsedName.error.issues[0].message}`);
    const name = parsedName.data;
    const role = requireFlag(args, "role");
    if (!isRole(role)) throw new CliError(`--role must be one of: ${ROLES.join(", ")}`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new CliError(`${email} is not a valid email address`);
    if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new CliError(`An account already uses ${email}`);
    const given = typeof args.flags.password === "string" ? args.flags.password : undefined;
    const password = given ?? generateToken(18);
    const country = typeof args.flags.country === "string" ? args.flags.country.toUpperCase() : undefined;
    const institution = typeof args.flags.institution === "string" ? args.flags.institution : undefined;
    try {
      const user = await createUser({ email, name, role, password, country, institution });
      console.log(`Created ${user.role} ${user.name} <${user.email}>`);
      if (!given) console.log(`Password: ${password}\n(Shown once. They can change it in Settings → Email and password.)`);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
  },
};

export const userRole: CliCommand = {
  name: "user:role",
  usage: "user:role <email> <role>",
  summary: `Change someone's role (${ROLES.join(", ")}).`,
  reachesSockets: true,
  async run(args) {
    const [email, role] = args.positional;
    if (!email || !role) throw new CliError("Give an email and a role");
    if (!isRole(role)) throw new CliError(`role must be one of: ${ROLES.join(", ")}`);
    const result = await setUserRole(email, role);
    if (!result.ok) throw new CliError(result.error.message);
    console.log(`${email} is now ${role}`);
  },
};
