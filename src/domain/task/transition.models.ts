import type { TaskContext, TaskEffect, TaskEvent, TransitionResult } from './task.effects.js';
import type { Task, TaskNode } from './task.types.js';

/**
 * Collects one transition's new state, events and effects. It mutates only its own copy, so the
 * state machine stays a pure function of (task, action, context).
 */
export class Transition {
  task: Task;
  private readonly events: TaskEvent[] = [];
  private readonly effects: TaskEffect[] = [];

  constructor(
    task: Task,
    readonly ctx: TaskContext,
  ) {
    this.task = task;
  }

  node(nodeId: string): TaskNode {
    const node = this.task.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`node ${nodeId} is not in task ${this.task.id}`);
    return node;
  }

  updateNode(nodeId: string, patch: Partial<TaskNode>): TaskNode {
    const updated = { ...this.node(nodeId), ...patch };
    this.task = {
      ...this.task,
      nodes: this.task.nodes.map((n) => (n.id === nodeId ? updated : n)),
    };
    return updated;
  }

  updateTask(patch: Partial<Omit<Task, 'nodes'>>): void {
    this.task = { ...this.task, ...patch };
  }

  event(type: string, nodeId: string | null, data: Record<string, unknown> = {}): void {
    this.events.push({ type, nodeId, actorId: this.ctx.actor?.personId ?? null, data });
  }

  /** Asks for the node's pings to be planned for its deadline as it stands now. */
  planNode(nodeId: string): void {
    this.effect({ type: 'plan-node', nodeId, deadlineVersion: this.node(nodeId).deadlineVersion });
  }

  effect(effect: TaskEffect): void {
    const same = (e: TaskEffect) => JSON.stringify(e) === JSON.stringify(effect);
    if (!this.effects.some(same)) this.effects.push(effect);
  }

  /** The outcome; a transition that recorded anything bumps the version and refreshes the card. */
  result(): TransitionResult {
    if (this.events.length === 0) return { task: this.task, events: [], effects: this.effects };
    this.updateTask({ version: this.task.version + 1 });
    this.effect({ type: 'refresh-card' });
    return { task: this.task, events: this.events, effects: this.effects };
  }
}
