import { createElement, type ReactElement } from "react";
import {
  ArrowLeft as LucideArrowLeft,
  ArrowRight as LucideArrowRight,
  BarChart3 as LucideBarChart3,
  Bell as LucideBell,
  CalendarPlus as LucideCalendarPlus,
  Coffee as LucideCoffee,
  Download as LucideDownload,
  FileText as LucideFileText,
  Handshake as LucideHandshake,
  Megaphone as LucideMegaphone,
  Globe2 as LucideGlobe2,
  Home as LucideHome,
  LogIn as LucideLogIn,
  Mail as LucideMail,
  MailCheck as LucideMailCheck,
  Menu as LucideMenu,
  MessageCircleQuestion as LucideMessageCircleQuestion,
  Monitor as LucideMonitor,
  Newspaper as LucideNewspaper,
  Pin as LucidePin,
  Rss as LucideRss,
  MonitorPlay as LucideMonitorPlay,
  Pencil as LucidePencil,
  Plus as LucidePlus,
  Settings as LucideSettings,
  Shield as LucideShield,
  Sparkles as LucideSparkles,
  UserPlus as LucideUserPlus,
  Users as LucideUsers,
  Video as LucideVideo,
  Waypoints as LucideWaypoints,
  X as LucideX,
  type LucideIcon,
} from "lucide-react";

/** What our pages pass to an icon: decorative (`aria-hidden`) or labelled, sized by class. */
export type IconProps = { className?: string; "aria-hidden"?: boolean | "true" | "false"; "aria-label"?: string; role?: string };
export type Icon = ((props: IconProps) => ReactElement) & { displayName?: string };

type IconData = { name?: string; aliases?: string[]; node: [string, Record<string, string>][] };

/** The shapes behind a lucide icon: its component hands them to lucide's inner Icon as `icon`. */
function iconData(icon: LucideIcon): IconData | null {
  const render = (icon as unknown as { render?: (props: object, ref: null) => ReactElement<{ icon?: IconData }> }).render;
  if (typeof render !== "function") return null;
  const data = render({}, null)?.props?.icon;
  return data && Array.isArray(data.node) ? data : null;
}

/**
 * A lucide icon whose SVG element is built once per set of props and then reused. Lucide builds
 * every icon afresh on each render (attribute merging, class de-duplication): with ≈ 10 icons in
 * the layout that was ≈ 10 % of a page request's server time (docs/decisions/041). The SVG is the
 * one lucide draws (same shapes, classes and stroke attributes); React elements are immutable, so
 * one can be rendered any number of times, on the server and in the browser alike.
 */
export function fastIcon(icon: LucideIcon): Icon {
  const data = iconData(icon);
  const built = new Map<string, ReactElement>();
  const FastIcon: Icon = (props) => {
    if (!data) return createElement(icon, props);
    const key = `${props.className ?? ""}\u0000${props["aria-hidden"] ?? ""}\u0000${props["aria-label"] ?? ""}\u0000${props.role ?? ""}`;
    let element = built.get(key);
    if (!element) {
      element = svgFor(data, props);
      if (built.size < 32) built.set(key, element);
    }
    return element;
  };
  FastIcon.displayName = icon.displayName;
  return FastIcon;
}

function svgFor(data: IconData, { className, ...rest }: IconProps): ReactElement {
  const names = [data.name, ...(data.aliases ?? [])].filter((n): n is string => !!n && !!n.trim()).map((n) => `lucide-${n}`);
  const labelled = rest["aria-label"] != null || rest.role != null || rest["aria-hidden"] != null;
  return createElement(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: 24,
      height: 24,
      viewBox: "0 0 24 24",
      fill: "none",
      stroke: "currentColor",
      strokeWidth: 2,
      strokeLinecap: "round",
      strokeLinejoin: "round",
      className: [...new Set(["lucide", ...names, ...(className ?? "").split(/\s+/).filter(Boolean)])].join(" "),
      ...(labelled ? {} : { "aria-hidden": "true" }),
      ...rest,
    },
    ...data.node.map(([tag, attrs]) => createElement(tag, attrs)),
  );
}

export const ArrowLeft = fastIcon(LucideArrowLeft);
export const ArrowRight = fastIcon(LucideArrowRight);
export const BarChart3 = fastIcon(LucideBarChart3);
export const Bell = fastIcon(LucideBell);
export const CalendarPlus = fastIcon(LucideCalendarPlus);
export const Coffee = fastIcon(LucideCoffee);
export const Download = fastIcon(LucideDownload);
export const FileText = fastIcon(LucideFileText);
export const Globe2 = fastIcon(LucideGlobe2);
export const Handshake = fastIcon(LucideHandshake);
export const Home = fastIcon(LucideHome);
export const LogIn = fastIcon(LucideLogIn);
export const Mail = fastIcon(LucideMail);
export const MailCheck = fastIcon(LucideMailCheck);
export const Megaphone = fastIcon(LucideMegaphone);
export const Menu = fastIcon(LucideMenu);
export const MessageCircleQuestion = fastIcon(LucideMessageCircleQuestion);
export const Monitor = fastIcon(LucideMonitor);
export const MonitorPlay = fastIcon(LucideMonitorPlay);
export const Newspaper = fastIcon(LucideNewspaper);
export const Pin = fastIcon(LucidePin);
export const Rss = fastIcon(LucideRss);
export const Pencil = fastIcon(LucidePencil);
export const Plus = fastIcon(LucidePlus);
export const Settings = fastIcon(LucideSettings);
export const Shield = fastIcon(LucideShield);
export const Sparkles = fastIcon(LucideSparkles);
export const UserPlus = fastIcon(LucideUserPlus);
export const Users = fastIcon(LucideUsers);
export const Video = fastIcon(LucideVideo);
export const Waypoints = fastIcon(LucideWaypoints);
export const X = fastIcon(LucideX);
