/**
 * 物业服务区域 on the organisation page (Ezhou 第七条（二）: 居民小组、网格站、物业服务区域应尽可能重合):
 * each area with its company, owners' committee chair and buildings, the grid it coincides with (the
 * same buildings) or that it coincides with none, and a group leader who also chairs its owners'
 * committee (兼任, allowed, never required). A form adds an area (and edits one), another a building
 * placed in a grid and an area; the server's messages land on the field they name.
 */
import { peopleUnitKindLabels, propertyAreaFieldLabels } from '@shequ/people/labels';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Collapse, Form, Input, InputNumber, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ServerForm } from '../../components/ServerForm.js';
import { useEntryForm, useFieldErrors } from '../../lib/serverErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';

type Organisation = RouterOutputs['people']['organisation'];

/** Drops blank optional entries, so an empty box is "not entered" rather than an empty name. */
function entered<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Partial<T>;
}

interface AreaValues {
  name?: string;
  propertyManager?: string;
  households?: number;
  ownersCommitteeChairName?: string;
}

type Area = Organisation['propertyAreas'][number];

/** Adds an area, or (given `area`) edits it at the version read with the page. */
function PropertyAreaForm({ code, area, onDone }: { code: string; area?: Area; onDone: () => void }) {
  const [form] = Form.useForm();
  // The server names the fields inside its input: `unit.name` when adding, `area.name` when editing.
  const addErrors = useFieldErrors(form, 'unit');
  const updateErrors = useFieldErrors(form, 'area');
  const errors = area ? updateErrors : addErrors;
  const done = () => {
    form.resetFields();
    errors.clear();
    onDone();
  };
  const add = useMutation(
    trpc.people.createUnit.mutationOptions({ onSuccess: done, onError: addErrors.onError }),
  );
  const update = useMutation(
    trpc.people.updatePropertyArea.mutationOptions({ onSuccess: done, onError: updateErrors.onError }),
  );
  const verb = area ? '保存' : '添加';
  return (
    <ServerForm
      form={form}
      name={area ? `propertyArea-${area.id}` : 'propertyArea'}
      testId="property-area-form"
      initialValues={area ? entered(area) : {}}
      onFinish={(v: AreaValues) => {
        const values = { ...entered(v), communityCode: code, name: v.name ?? '' };
        if (area) update.mutate({ area: { ...values, id: area.id }, expectedVersion: area.version });
        else add.mutate({ kind: 'property-area', unit: values });
      }}
      banner={errors.banner}
      pending={add.isPending || update.isPending}
      submitText={`${verb}${peopleUnitKindLabels['property-area']}`}
    >
      <Form.Item name="name" label={propertyAreaFieldLabels.name}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="propertyManager" label={`${propertyAreaFieldLabels.propertyManager}（可空）`}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="households" label={`${propertyAreaFieldLabels.households}（可空）`}>
        <InputNumber<number> style={{ width: '100%' }} precision={0} />
      </Form.Item>
      <Form.Item
        name="ownersCommitteeChairName"
        label={`${propertyAreaFieldLabels.ownersCommitteeChairName}（可空）`}
      >
        <Input maxLength={50} />
      </Form.Item>
    </ServerForm>
  );
}

interface BuildingValues {
  name?: string;
  households?: number;
  leaderName?: string;
  gridId?: string;
  propertyAreaId?: string;
}

function AddBuilding({ data, onDone }: { data: Organisation; onDone: () => void }) {
  const add = useEntryForm('unit', trpc.people.createUnit.mutationOptions, onDone);
  return (
    <ServerForm
      {...add.props}
      name="building"
      testId="building-form"
      onFinish={(v: BuildingValues) =>
        add.mutate({
          kind: 'building',
          unit: {
            ...entered(v),
            communityCode: data.code,
            name: v.name ?? '',
            // Left empty, the server names the missing field.
            households: v.households ?? Number.NaN,
          },
        })
      }
      submitText="添加楼栋"
    >
      <Form.Item name="name" label="楼栋名称">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="households" label="户数" rules={[{ required: true, message: '请填写户数' }]}>
        <InputNumber<number> style={{ width: '100%' }} precision={0} />
      </Form.Item>
      <Form.Item name="leaderName" label="楼栋长（可空）">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="gridId" label="所属网格（可空）">
        <Select
          allowClear
          aria-label="所属网格"
          options={data.grids.map((g) => ({ value: g.id, label: g.name }))}
        />
      </Form.Item>
      <Form.Item name="propertyAreaId" label="物业服务区域（可空）">
        <Select
          allowClear
          aria-label="物业服务区域"
          options={data.propertyAreas.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
    </ServerForm>
  );
}

/** One area as a line: company, chair, buildings, and how it sits against the grids. */
function areaLines(data: Organisation, area: Area): string[] {
  const overlap = data.propertyAreaOverlap.find((o) => o.propertyAreaId === area.id);
  const buildings = overlap?.buildings ?? [];
  return [
    [
      area.propertyManager ? `物业服务企业 ${area.propertyManager}` : '物业服务企业未填',
      area.households === undefined ? undefined : `${area.households} 户`,
      area.ownersCommitteeChairName ? `业主委员会主任 ${area.ownersCommitteeChairName}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    `楼栋：${buildings.length > 0 ? `${buildings.join('、')}（合计 ${overlap?.inBuildings ?? 0} 户）` : '—'}`,
    overlap?.grid ? `与${overlap.grid.name}重合（楼栋相同）` : '未与任何网格重合',
    ...(overlap?.concurrentChair
      ? [`${overlap.concurrentChair.group}组长${overlap.concurrentChair.name}兼任业主委员会主任`]
      : []),
  ];
}

export function PropertyAreas({ data, canWrite }: { data: Organisation; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
  const [editing, setEditing] = useState<Area | null>(null);
  return (
    <>
      <List
        size="small"
        data-testid="org-property-areas"
        dataSource={data.propertyAreas}
        locale={{ emptyText: '未登记物业服务区域' }}
        renderItem={(area) => (
          <List.Item
            data-testid="property-area"
            extra={
              canWrite ? (
                <Button size="small" onClick={() => setEditing(area)}>
                  修改
                </Button>
              ) : null
            }
          >
            <Space orientation="vertical" size={2}>
              <strong>{area.name}</strong>
              {areaLines(data, area).map((line) => (
                <Typography.Text key={line} type="secondary">
                  {line}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
      {canWrite && (
        <Collapse
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'area',
              label: `添加${peopleUnitKindLabels['property-area']}`,
              children: <PropertyAreaForm code={data.code} onDone={refresh} />,
            },
            { key: 'building', label: '添加楼栋', children: <AddBuilding data={data} onDone={refresh} /> },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={`修改物业服务区域：${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing && (
          <PropertyAreaForm
            code={data.code}
            area={editing}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}
