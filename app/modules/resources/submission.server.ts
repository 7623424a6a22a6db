import { formFailure, parseForm, type FormFailure } from "#app/utils/forms.ts";
import { readUploadForm } from "#app/utils/uploads.server.ts";
import { checkResourceFile, FILE_TOO_LARGE, type CheckedFile } from "./files.server.ts";
import { ResourceInputSchema, type ResourceInput } from "./resources.schema.ts";
import { MAX_RESOURCE_FILE_BYTES } from "./taxonomy.ts";

type Submission = { ok: true; input: ResourceInput; file: CheckedFile | null; formData: FormData } | { ok: false; status: 400 | 413; failure: FormFailure };

/** Reads a resource form (fields and optional file) and checks both; failures keep what was typed. */
export async function parseResourceSubmission(request: Request): Promise<Submission> {
  // One byte over the limit is enough to know the file is too large.
  const formData = await readUploadForm(request, MAX_RESOURCE_FILE_BYTES + 1);
  if (!formData) return { ok: false, status: 413, failure: formFailure(new FormData(), { file: FILE_TOO_LARGE }, FILE_TOO_LARGE) };
  const parsed = parseForm(formData, ResourceInputSchema);
  const upload = formData.get("file");
  const hasFile = upload instanceof File && upload.size > 0;
  const checked = hasFile ? await checkResourceFile({ name: upload.name, size: upload.size, bytes: () => upload.arrayBuffer() }) : null;
  const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(checked && !checked.ok ? checked.error.fields : {}) };
  if (!parsed.ok || (checked && !checked.ok)) {
    const tooLarge = checked && !checked.ok && checked.error.code === "too_large";
    return { ok: false, status: tooLarge ? 413 : 400, failure: formFailure(formData, fieldErrors, parsed.ok ? undefined : parsed.formError) };
  }
  return { ok: true, input: parsed.data, file: checked?.ok ? checked.value : null, formData };
}
