import { ITerraformIterator, TerraformDataSource, TerraformIterator, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { hclValue } from '../cdktf/hcl-values';

export interface LookupProps {
  /** The data source type, e.g. `aws_subnet`. */
  readonly type: string;
  /** Its arguments as Terraform spells them (snake_case), e.g. `{ id: 'subnet-0a1b...' }` or `{ id: each.value }`; blocks as lists of objects. */
  readonly args: Readonly<Record<string, unknown>>;
  /** One instance per item, keyed by the item. @default one instance */
  readonly forEach?: ITerraformIterator;
  /** The Terraform resource name of its address (`data.<type>.<name>`). @default cdktf's logical ID */
  readonly name?: string;
  /** The provider to read with, e.g. one acting in another account. @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * A data source of the AWS provider that is read only through its address, in condition expressions.
 * The generated classes (`DataAwsSubnet`...) would add typed attributes we never use, at several times
 * the synth cost; arguments and conditions are checked by Terraform itself in the preflight tests.
 */
export class Lookup extends TerraformDataSource {
  private readonly args: Readonly<Record<string, unknown>>;

  public constructor(scope: Construct, id: string, props: LookupProps) {
    super(scope, id, {
      terraformResourceType: props.type,
      terraformGeneratorMetadata: { providerName: 'aws' },
      forEach: props.forEach,
      provider: props.provider,
    });
    this.args = props.args;
    if (props.name) {
      this.overrideLogicalId(props.name);
    }
  }

  /** One `type` data source with `for_each` over `ids`, each looked up by its `idArgument`; returns its address (a map by ID). */
  public static each(
    scope: Construct,
    id: string,
    props: Pick<LookupProps, 'type' | 'name'> & { idArgument: string; ids: readonly string[]; args?: Record<string, string> },
  ): string {
    const each = TerraformIterator.fromList([...props.ids]);
    return new Lookup(scope, id, { ...props, args: { [props.idArgument]: each.value, ...props.args }, forEach: each }).address;
  }

  /** Terraform address, e.g. `data.aws_subnet.sample-preflight-subnets` (a map when `forEach` is set). */
  public get address(): string {
    return `data.${this.terraformResourceType}.${this.friendlyUniqueId}`;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { ...this.args };
  }

  /** For `cdktf synth --hcl`: cdktf's default writes no arguments at all. */
  protected synthesizeHclAttributes(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.args).map(([name, value]) => [name, hclValue(value)]));
  }
}
