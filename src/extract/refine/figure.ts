/** What the refiners keep: a figure, and what they say when they drop a candidate. */
import type { CompiledRule } from '../../rules/load.js';
import type { LabelSpan } from '../bind/binding.js';
import type { NumberMention } from '../numbers/scan.js';

export type Figure = {
  id: string;
  rule: CompiledRule;
  number: NumberMention;
  label: LabelSpan;
  start: number;
  end: number;
  /** The binder that found it. */
  binder: string;
  scope?: string;
  /** The period its clause names (2012年, 1-10月, 上半年), as printed. */
  period?: string;
  /** For a figure composed from its parent (其中政策内 under 一孩): the parent's id. */
  parentId?: string;
  /** For a part of a breakdown of the same id (其中国家级352人 under 奖扶441人): the whole. */
  whole?: Figure;
};

/** Why a refiner dropped a candidate: its name, a reason in words, and what that makes the number (coverage.ts), where it says. */
export type Drop = { refiner: string; reason: string; kind?: string };
