import { readFileSync } from "node:fs";
import type { Dispatcher } from "undici";
import { ConfigurationError } from "../errors/ConfigurationError";
import type { ClientSettings } from "../settings/settings";

/**
 * The connection side of every request: proxies as `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (or lower case) say,
 * read by undici's `EnvHttpProxyAgent` as Go's `net/http` and curl read them, and the TLS trust of the settings: the CA
 * bundle of `cacertFile` instead of the default roots (the huaweicloud provider's meaning; without it the default
 * roots plus `NODE_EXTRA_CA_CERTS`), or no verification at all with `insecure`.
 */
export function dispatcherFor(settings: ClientSettings): Promise<Dispatcher> {
  // Looked up once per settings (a query and its pages), not per attempt: the environment is read then.
  let dispatcher = bySettings.get(settings);
  if (!dispatcher) {
    dispatcher = dispatcherOf(settings);
    bySettings.set(settings, dispatcher);
    dispatcher.then(
      (ready) => readyBySettings.set(settings, ready),
      () => undefined,
    );
  }
  return dispatcher;
}

/**
 * The dispatcher of these settings once {@link dispatcherFor} has created it, else undefined: an attempt then starts
 * without waiting a turn of the event loop's microtasks for it (it is on the path from one answer to the next request).
 */
export function readyDispatcherFor(settings: ClientSettings): Dispatcher | undefined {
  return readyBySettings.get(settings);
}

const bySettings = new WeakMap<ClientSettings, Promise<Dispatcher>>();
const readyBySettings = new WeakMap<ClientSettings, Dispatcher>();

function dispatcherOf(settings: ClientSettings): Promise<Dispatcher> {
  const proxies = proxyVariables();
  const key = [settings.insecure === true, settings.cacertFile ?? "", proxies.http, proxies.https].join("\n");
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    dispatcher = createDispatcher(settings, proxies);
    dispatchers.set(key, dispatcher);
    dispatcher.catch(() => dispatchers.delete(key));
  }
  return dispatcher;
}

const dispatchers = new Map<string, Promise<Dispatcher>>();

/** The proxy variables EnvHttpProxyAgent reads (the lower-case spelling first), "" when unset. */
function proxyVariables(): { http: string; https: string } {
  const env = process.env;
  return { http: env.http_proxy ?? env.HTTP_PROXY ?? "", https: env.https_proxy ?? env.HTTPS_PROXY ?? "" };
}

type UndiciAgents = Pick<typeof import("undici"), "Agent" | "EnvHttpProxyAgent">;
let undici: UndiciAgents | undefined;

/**
 * undici's two agents, with `request` on every dispatcher. Its entry point (index.js, which has no "exports" map)
 * loads everything it offers (fetch, WebSocket, EventSource, the cache stores, the mock agents, SOCKS) before the
 * first request of a process can go out: half of undici's load time, none of it used here. These four files are what
 * index.js itself composes the agents and `Dispatcher.prototype.request` from (`Object.assign(Dispatcher.prototype,
 * api)`, repeated here as it does it); an undici whose files are laid out otherwise is loaded whole, as before.
 */
function loadUndici(): UndiciAgents {
  if (undici) return undici;
  try {
    const Agent = require("undici/lib/dispatcher/agent.js") as UndiciAgents["Agent"];
    const EnvHttpProxyAgent =
      require("undici/lib/dispatcher/env-http-proxy-agent.js") as UndiciAgents["EnvHttpProxyAgent"];
    const dispatcherClass = require("undici/lib/dispatcher/dispatcher.js") as { prototype: object };
    const api = require("undici/lib/api/index.js") as Record<string, unknown>;
    if (typeof Agent !== "function" || typeof EnvHttpProxyAgent !== "function" || typeof api.request !== "function")
      throw new TypeError("undici's files are not laid out as expected");
    Object.assign(dispatcherClass.prototype, api);
    // The agents must inherit from that Dispatcher: otherwise they have no `request`, and undici is loaded whole.
    if (typeof Agent.prototype.request !== "function" || typeof EnvHttpProxyAgent.prototype.request !== "function")
      throw new TypeError("undici's agents do not inherit its Dispatcher");
    undici = { Agent, EnvHttpProxyAgent };
  } catch {
    undici = require("undici") as typeof import("undici");
  }
  return undici;
}

async function createDispatcher(
  settings: ClientSettings,
  proxies: { http: string; https: string },
): Promise<Dispatcher> {
  const { Agent, EnvHttpProxyAgent } = loadUndici();
  const tls = {
    ...(settings.insecure === true ? { rejectUnauthorized: false } : {}),
    ...(settings.cacertFile === undefined ? {} : { ca: caBundle(settings) }),
  };
  if (settings.insecure === true) warnInsecure(settings);
  // With neither proxy variable set, EnvHttpProxyAgent sends every request through its own plain Agent (it reads
  // them once, when built; NO_PROXY only exempts hosts from a proxy), yet parses each request's origin into a URL and
  // reads NO_PROXY from the environment again for each: 60 µs per request, on the path from one answer to the next
  // request. The same Agent, built directly, does the same without that. A proxy set later has its own dispatcher
  // (the key in dispatcherOf).
  if (!proxies.http && !proxies.https) return new Agent({ connect: tls });
  try {
    // proxyTunnel false: an http:// URL goes to an HTTP proxy as a plain proxied request, as Go and curl send it;
    // https:// is tunnelled with CONNECT either way.
    return new EnvHttpProxyAgent({ connect: tls, requestTls: tls, proxyTunnel: false });
  } catch {
    // undici's error quotes the proxy URL, which may hold a password: name the variables only.
    throw new ConfigurationError(
      "proxy",
      "HTTPS_PROXY / HTTP_PROXY (or https_proxy / http_proxy) is not a valid proxy URL such as http://proxy.example.com:3128 (the value is not shown: it may hold a password).",
    );
  }
}

/** `cacertFile` is a path to a PEM bundle, or the PEM text itself (as the provider's `cacert_file` accepts). */
function caBundle(settings: ClientSettings): string {
  const value = settings.cacertFile ?? "";
  const key = settings.settingKeys?.cacertFile ?? "cacertFile";
  if (value.trimStart().startsWith("-----BEGIN")) return value;
  let text: string;
  try {
    text = readFileSync(value, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ConfigurationError(
      "cacertFile",
      `The CA bundle ${JSON.stringify(value)} set in ${key} cannot be read (${reason}).`,
    );
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new ConfigurationError(
      "cacertFile",
      `The CA bundle ${JSON.stringify(value)} set in ${key} holds no PEM certificate.`,
    );
  }
  return text;
}

function warnInsecure(settings: ClientSettings): void {
  const key = settings.settingKeys?.insecure ?? "insecure";
  process.emitWarning(
    `TLS certificate verification is off (${key}): any server can answer as Huawei Cloud and read the signed requests. Set a CA bundle (huaweicloud:cacertFile / HW_CACERT_FILE) instead.`,
    { code: "RDS_OFFSITE_INSECURE" },
  );
}
