import { useEffect } from "react";
import { toast as showToast, Toaster } from "sonner";
import type { Toast } from "#app/utils/toast.server.ts";

/** Shows the toast a redirect left behind (sonner announces it politely to screen readers). */
export function ShowToast({ toast }: { toast: Toast | null }) {
  useEffect(() => {
    if (!toast) return;
    const fn = toast.type === "error" ? showToast.error : toast.type === "success" ? showToast.success : showToast.info;
    const id = setTimeout(() => fn(toast.title, { description: toast.description }), 0);
    return () => clearTimeout(id);
  }, [toast]);
  return null;
}

export function AppToaster() {
  return (
    <Toaster
      position="top-center"
      closeButton
      toastOptions={{ duration: 6000, classNames: { toast: "!border-line !bg-white !text-ink", description: "!text-muted", closeButton: "!text-ink" } }}
    />
  );
}
