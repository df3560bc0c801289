<#import "common.ftl" as c>
<#if hasErrors>补正通知<#else>回执</#if>：已收到汇总报送的新职业申报材料（共${cases?size}项）
您好：

贵单位报送的新职业申报材料已收到，收到时间：${receivedAt}（北京时间）。我们为每一份建议书分别编了受理编号，请在今后的来信和咨询中引用：

<#list cases as k>
  ${k?counter}. ${k.reference}  ${k.title?has_content?then(k.title, "（未读到职业名称）")}<#if k.applicant?has_content>  申报单位：${k.applicant}</#if>  状态：${k.statusLabel}
<#list k.errors as e>
       - ${e}
</#list>
</#list>

<@c.attachmentList/>

<#if summaryFindings?has_content>
《新职业信息汇总表》与建议书核对的结果（汇总表各项内容应与建议书保持一致）：
<#list summaryFindings as f>
  - ${f}
</#list>
<#else>
《新职业信息汇总表》：<#if hasForm>未发现与建议书不一致之处。<#else>未收到。</#if>
</#if>
<#list submissionFindings as f>
  - ${f}
</#list>

<#if hasErrors>
如何补正：请直接回复本邮件，附上修改后的材料，并保留邮件主题中的受理编号，以便我们把补正材料归入对应的申报。
</#if>

后续流程：各地市人力资源社会保障部门完成初审后报送省厅，省人力资源社会保障厅组织专家进行省级论证。

<@c.paperCopy/>

<@c.contact/>
