/**
 * Decides from Neo4j's own query plan (EXPLAIN) whether a console query may run: every operator must be a
 * reading one and every procedure one that only reads. This is an allow-list, so an operator Neo4j adds
 * in a later version is refused until someone has looked at it. The expressions of every operator are
 * also held to the console's expression rules (expression-vetting.ts), in Neo4j's own spelling of them.
 */
import { type Refusal, type RefusalReason, vetExpressions } from './expression-vetting.ts';
import { tokenize } from './query-text.ts';

/** Operators that only read, as named in Neo4j 5 plans (without the `@neo4j` suffix). */
const READ_OPERATORS = new Set([
  'ProduceResults',
  'Argument',
  'ArgumentTracker',
  'EmptyRow',
  // Finding nodes and relationships
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'NodeIndexScan',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  // Traversing
  'Expand(All)',
  'Expand(Into)',
  'OptionalExpand(All)',
  'OptionalExpand(Into)',
  'VarLengthExpand(All)',
  'VarLengthExpand(Into)',
  'VarLengthExpand(Pruning)',
  'VarLengthExpand(Pruning,BFS,All)',
  'VarLengthExpand(Pruning,BFS,Into)',
  'BFSPruningVarExpand',
  'ShortestPath',
  'StatefulShortestPath(All)',
  'StatefulShortestPath(Into)',
  'Trail',
  'Repeat(Trail)',
  'Repeat(Walk)',
  'NullifyMetadata',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  // Combining rows
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'RollUpApply',
  'CartesianProduct',
  'NodeHashJoin',
  'ValueHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'Union',
  'OrderedUnion',
  'Optional',
  'Anti',
  'AssertSameNode',
  'AssertSameRelationship',
  // Shaping rows
  'Filter',
  'Projection',
  'Unwind',
  'PartitionedUnwind',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Top',
  'Top1WithTies',
  'PartialTop',
  'Sort',
  'PartialSort',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Eager',
  'CacheProperties',
  'ProcedureCall',
  // Read-only schema listings
  'ShowIndexes',
  'ShowConstraints',
]);

/** Procedures that only read. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'dbms.components',
]);

export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

/** Why an operator is refused, in words an analyst understands. */
function refusalOf(operator: string, details: string): Refusal | undefined {
  const refuse = (reason: RefusalReason, detail: string): Refusal => ({ reason, detail });
  if (operator === 'ProcedureCall') {
    const procedure = /^([\w.]+)\s*\(/.exec(details)?.[1] ?? details;
    return ALLOWED_PROCEDURES.has(procedure)
      ? undefined
      : refuse(
          'procedure',
          `it calls the procedure ${procedure}, which the console does not allow (it allows ${[...ALLOWED_PROCEDURES].join(', ')})`,
        );
  }
  if (READ_OPERATORS.has(operator)) return undefined;
  if (operator === 'LoadCSV') {
    return refuse('load-csv', 'it uses LOAD CSV: the console reads the database only, never files or URLs');
  }
  if (/^Transaction(Apply|Foreach)/.test(operator)) {
    return refuse('writes', 'it runs CALL { … } IN TRANSACTIONS, which commits on its own: the console only reads');
  }
  if (/(Index|Constraint)/.test(operator)) {
    return refuse('writes', `it changes the schema (${operator}): the console only reads`);
  }
  if (/Delete/.test(operator)) return refuse('writes', `it deletes data (${operator}): the console only reads`);
  if (/^(Create|Merge|LockingMerge)/.test(operator)) {
    return refuse('writes', `it writes data (${operator}, from CREATE or MERGE): the console only reads`);
  }
  if (/^(Set|Remove)/.test(operator)) {
    return refuse(
      'writes',
      `it changes properties or labels (${operator}, from SET or REMOVE): the console only reads`,
    );
  }
  if (operator === 'Foreach' || operator === 'SubqueryForeach' || operator === 'EmptyResult') {
    return refuse('writes', `it updates data (${operator}): the console only reads`);
  }
  return refuse('operator', `its plan uses the operator ${operator}, which the console does not allow`);
}

function operatorsOf(plan: PlanOperator): Array<{ operator: string; details: string }> {
  return [
    { operator: plan.operatorType.replace(/@\w+$/, ''), details: String(plan.arguments?.Details ?? '') },
    ...(plan.children ?? []).flatMap(operatorsOf),
  ];
}

// Generic "it updates" operators wrap the specific ones (CREATE under EmptyResult), so they speak last.
const GENERIC = new Set(['EmptyResult', 'Foreach', 'SubqueryForeach']);

export interface PlanVetting {
  /** A query the console has reviewed (a saved query) is held to the rules for every query only. */
  reviewed?: boolean;
}

/** The most telling reason to refuse the plan, or undefined when every operator only reads and every expression is bounded. */
export function vetPlan(plan: PlanOperator, { reviewed = false }: PlanVetting = {}): Refusal | undefined {
  const operators = operatorsOf(plan);
  const refusals = operators
    .map(({ operator, details }) => ({ operator, refusal: refusalOf(operator, details) }))
    .filter((r): r is { operator: string; refusal: Refusal } => r.refusal !== undefined);
  const refusal = (refusals.find((r) => !GENERIC.has(r.operator)) ?? refusals[0])?.refusal;
  if (refusal) return refusal;
  for (const { operator, details } of operators) {
    const found = vetExpressions(tokenize(details), {
      unwindList: operator === 'Unwind',
      regexOnly: reviewed,
      membership: false,
    });
    if (found) return { reason: found.reason, detail: found.detail };
  }
  return undefined;
}
