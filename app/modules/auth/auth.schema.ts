import { z } from "zod";
import { isCountryCode } from "#app/utils/countries.ts";
import { MAX_PASSWORD_LENGTH } from "./limits.ts";
import { cleanText } from "#app/utils/text.ts";

export const emailField = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .email("Enter a valid email address, like name@example.org.")
  .transform((v) => v.toLowerCase());

const passwordField = z
  .string({ required_error: "Enter a password." })
  .min(1, "Enter a password.")
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

/** A person's name: control and bidi-override characters are stripped before the length checks. */
export const nameField = z
  .string({ required_error: "Enter your name." })
  .pipe(cleanText())
  .pipe(z.string().min(2, "Enter your full name (at least 2 characters).").max(100, "Names are at most 100 characters."));

export const SignupSchema = z.object({
  name: nameField,
  email: emailField,
  password: passwordField,
  country: z
    .string({ required_error: "Choose your Member State or country." })
    .min(1, "Choose your Member State or country.")
    .refine(isCountryCode, "Choose a country from the list."),
  institution: z
    .string({ required_error: "Enter your institution." })
    .pipe(cleanText())
    .pipe(z.string().min(2, "Enter your institution (for example, Ministry of Interior).").max(200, "Institutions are at most 200 characters.")),
  acceptTerms: z.literal("on", { errorMap: () => ({ message: "Please accept the privacy notice to continue." }) }),
});

export const LoginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
  redirectTo: z.string().optional(),
  remember: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({ token: z.string().min(10).max(200), password: passwordField, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH),
    password: passwordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const ChangeEmailSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH),
  email: emailField,
});

export const ProfileSchema = z.object({
  name: nameField,
  country: SignupSchema.shape.country,
  institution: SignupSchema.shape.institution,
});
