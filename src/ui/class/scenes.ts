// The classroom scenes are a teacher's tools: players never need them, so
// they (with the batch worker's client, the CSV and chart code and the
// teacher's guide) load on first use, not with the game.
import type Phaser from 'phaser';

export const CLASSROOM_KEYS = ['ClassView', 'ChanceLab', 'LinkBuilder', 'TeacherGuide'] as const;
export type ClassroomKey = (typeof CLASSROOM_KEYS)[number];

export const isClassroomKey = (key: string): key is ClassroomKey => (CLASSROOM_KEYS as readonly string[]).includes(key);

// eslint-disable-next-line no-restricted-syntax -- a load done once per page: the classroom scenes' chunk
let loading: Promise<void> | null = null;

/** Adds the classroom scenes to the game once, fetching their code the first time. */
export function ensureClassroomScenes(game: Phaser.Game): Promise<void> {
  loading ??= import('./bundle').then(({ CLASSROOM_SCENES }) => {
    for (const key of CLASSROOM_KEYS) if (!game.scene.getScene(key)) game.scene.add(key, CLASSROOM_SCENES[key], false);
  });
  return loading;
}
