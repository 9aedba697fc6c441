import type { Caller, Deps } from '../../platform/context.ts';
import { savePicks, setSettings } from './socials.ts';

/**
 * The seed's 天水街道总工会 with 武林街道总工会 “大型青年交友联谊活动” (密室逃脱, 桌游): places per
 * gender and an age range, set before the sign-ups (the demo loader signs the young members up and
 * checks them in through activities' services, then calls `seedSocialPicks`).
 */
export async function seedSocialSettings(deps: Deps, cadre: Caller, activityId: number): Promise<void> {
  await setSettings(deps, cadre, activityId, { malePlaces: 60, femalePlaces: 60, minAge: 22, maxAge: 35 });
}

/**
 * After the event: some attendees have picked (contact and up to three picks), with one mutual pair.
 * `picks` maps each picker to the registrations they pick.
 */
export async function seedSocialPicks(deps: Deps, pickers: { as: Caller; contact: string; picks: number[] }[], activityId: number): Promise<void> {
  for (const p of pickers) await savePicks(deps, p.as, activityId, { contact: p.contact, picks: p.picks });
}
